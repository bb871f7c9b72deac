{ pkgs, ... }:
let
  hardening = {
    User = "a";
    ProtectKernelTunables = true;
    ProtectKernelModules = true;
    ProtectKernelLogs = true;
    ProtectControlGroups = true;
    ProtectClock = true;
    ProtectHostname = true;
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-005
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      ProtectClock = false;
      ProtectKernelTunables = true;
      ProtectKernelModules = true;
      ProtectKernelLogs = true;
      ProtectControlGroups = true;
      ProtectHostname = true;
    };
  };
}
