{ lib, ... }:
{
  config = lib.mkMerge [
    { services.openssh.enable = true; }
    { services.openssh.settings.PermitRootLogin = "no"; }
    { services.openssh.settings.PermitRootLogin = lib.mkForce "yes"; } # expect: NIXSEC-SSH-001
  ];
}
