{ config, lib, ... }:
{
  # Nix reports a name defined in two merged set literals at the first one.
  networking.firewall.enable = true; # expect: NIXSEC-SYN-002
  networking.firewall = {
    enable = false;
    allowedTCPPorts = [ 22 ];
  };
}
