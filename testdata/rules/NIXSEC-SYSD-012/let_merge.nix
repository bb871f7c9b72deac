{ pkgs, ... }:
let
  hardening = {
    User = "a";
    UMask = "0077";
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-012
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      UMask = "0000";
    };
  };
}
