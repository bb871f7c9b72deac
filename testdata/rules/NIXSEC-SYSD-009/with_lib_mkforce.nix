{ lib, pkgs, ... }:
with lib;
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-009
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "myapp";
      SystemCallArchitectures = "native";
      SystemCallFilter = mkForce [ "@system-service" ];
    };
  };
}
