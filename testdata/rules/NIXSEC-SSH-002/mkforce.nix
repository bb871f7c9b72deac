{ lib, ... }:
{
  config = lib.mkMerge [
    { services.openssh.enable = true; services.openssh.settings.PasswordAuthentication = false; }
    { services.openssh.settings.PasswordAuthentication = lib.mkForce true; } # expect: NIXSEC-SSH-002
  ];
  system.stateVersion = "24.05";
}
