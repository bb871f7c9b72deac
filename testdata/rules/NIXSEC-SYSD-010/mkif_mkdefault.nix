{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.services.myapp.enable {
    systemd.services.myapp = { # expect: NIXSEC-SYSD-010 (possible)
      script = "exec ${pkgs.hello}/bin/hello";
      serviceConfig = {
        User = "myapp";
        CapabilityBoundingSet = [ "CAP_NET_BIND_SERVICE" ];
        AmbientCapabilities = lib.mkDefault [ "CAP_SYS_ADMIN" ];
      };
    };
  };
}
