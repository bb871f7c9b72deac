{ config, lib, ... }:
{
  # Nix merges nested set literals under one name: not a duplicate.
  networking.firewall.enable = true;
  networking.firewall = {
    allowedTCPPorts = [ 22 ];
  };
  services.openssh = { enable = true; };
  services.openssh = { settings.PasswordAuthentication = false; };
}
