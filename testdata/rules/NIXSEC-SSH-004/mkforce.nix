{ lib, ... }:
{
  config = lib.mkMerge [
    { services.openssh.enable = true; }
    { services.openssh.settings.PermitEmptyPasswords = false; }
    { services.openssh.settings.PermitEmptyPasswords = lib.mkForce true; } # expect: NIXSEC-SSH-004
  ];
}
