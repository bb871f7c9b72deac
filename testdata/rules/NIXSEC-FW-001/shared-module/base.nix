{ lib, ... }:
{
  networking.firewall.enable = lib.mkDefault false; # expect: NIXSEC-FW-001
  services.openssh.settings.PasswordAuthentication = false;
}
