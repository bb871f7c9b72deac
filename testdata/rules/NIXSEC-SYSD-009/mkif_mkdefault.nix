{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.services.myapp.enable {
    systemd.services.myapp = { # expect: NIXSEC-SYSD-009 (possible)
      script = "exec ${pkgs.hello}/bin/hello";
      serviceConfig = {
        User = "myapp";
        SystemCallArchitectures = "native";
        SystemCallFilter = lib.mkDefault [ "@system-service" ];
      };
    };
  };
}
