{ lib, ... }:
{
  config = lib.mkMerge [
    { services.openssh.enable = true; }
    { services.openssh.settings.StrictModes = true; }
    { services.openssh.settings.StrictModes = lib.mkForce false; } # expect: NIXSEC-SSH-008
  ];
}
