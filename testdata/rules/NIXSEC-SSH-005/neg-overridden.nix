{ lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings.X11Forwarding = true;
  services.openssh.settings.X11Forwarding = lib.mkForce false;
}
