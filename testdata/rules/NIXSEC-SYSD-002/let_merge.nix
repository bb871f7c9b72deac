{ pkgs, ... }:
let
  hardening = {
    User = "a";
    NoNewPrivileges = true;
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-002
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      NoNewPrivileges = false;
    };
  };
}
