{ pkgs, ... }:
let
  hardening = {
    User = "a";
    SystemCallArchitectures = "native";
    SystemCallFilter = [ "@system-service" "~@privileged" "~@resources" ];
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-009
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      SystemCallFilter = [ "@system-service" ];
      SystemCallArchitectures = "native";
    };
  };
}
