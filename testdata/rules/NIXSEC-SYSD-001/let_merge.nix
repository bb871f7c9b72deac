{ pkgs, ... }:
let
  hardening = {
    DynamicUser = true;
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-001
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "root";
    };
  };
}
