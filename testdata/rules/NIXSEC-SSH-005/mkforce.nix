{ lib, ... }:
{
  config = lib.mkMerge [
    { services.openssh.enable = true; }
    { services.openssh.settings.X11Forwarding = false; }
    { services.openssh.settings.X11Forwarding = lib.mkForce true; } # expect: NIXSEC-SSH-005
  ];
}
