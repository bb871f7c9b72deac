{ lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.PermitEmptyPasswords = true;
  services.openssh.settings.PermitEmptyPasswords = lib.mkForce false;
}
