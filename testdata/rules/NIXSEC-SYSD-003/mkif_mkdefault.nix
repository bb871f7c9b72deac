{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.services.myapp.enable {
    systemd.services.myapp = { # expect: NIXSEC-SYSD-003 (possible)
      script = "exec ${pkgs.hello}/bin/hello";
      serviceConfig = {
        User = "myapp";
        ProtectHome = true;
        PrivateTmp = true;
        ProtectSystem = lib.mkDefault true;
      };
    };
  };
}
