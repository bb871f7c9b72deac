{ pkgs, ... }:
let
  hardening = {
    User = "a";
    LockPersonality = true;
    RestrictRealtime = true;
    RestrictSUIDSGID = true;
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-011
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      LockPersonality = false;
      RestrictRealtime = true;
      RestrictSUIDSGID = true;
    };
  };
}
