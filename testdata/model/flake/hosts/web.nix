{ lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.PasswordAuthentication = lib.mkForce true;
}
