{ lib, ... }:
{
  services.openssh.enable = true;
  services.openssh.settings = lib.mkIf false { X11Forwarding = true; };
}
