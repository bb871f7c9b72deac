{ pkgs, ... }:
let
  hardening = {
    User = "a";
    ProtectProc = "invisible";
    ProcSubset = "pid";
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-006
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      ProtectProc = "default";
      ProcSubset = "pid";
    };
  };
}
