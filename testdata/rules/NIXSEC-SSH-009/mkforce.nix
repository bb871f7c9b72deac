{ lib, ... }:
{
  config = lib.mkMerge [
    { services.openssh.enable = true; }
    { services.openssh.settings.LogLevel = "VERBOSE"; }
    { services.openssh.settings.LogLevel = lib.mkForce "ERROR"; } # expect: NIXSEC-SSH-009
  ];
}
