{ lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.StrictModes = false;
  services.openssh.settings.StrictModes = lib.mkForce true;
}
