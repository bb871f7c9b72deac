{ lib, ... }:
{
  config = lib.mkMerge [
    { services.openssh.enable = true; services.openssh.settings.KbdInteractiveAuthentication = false; }
    { services.openssh.settings.KbdInteractiveAuthentication = lib.mkForce true; } # expect: NIXSEC-SSH-003
  ];
  system.stateVersion = "24.05";
}
