{ pkgs, ... }:
let
  hardening = {
    User = "a";
    ProtectSystem = "strict";
    ProtectHome = true;
    PrivateTmp = true;
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-003
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      ProtectSystem = true;
      ProtectHome = true;
      PrivateTmp = true;
    };
  };
}
