{ lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.PermitRootLogin = "yes";
  services.openssh.settings.PermitRootLogin = lib.mkForce "no";
}
