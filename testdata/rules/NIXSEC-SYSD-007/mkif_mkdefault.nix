{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.services.myapp.enable {
    systemd.services.myapp = { # expect: NIXSEC-SYSD-007 (possible)
      script = "exec ${pkgs.hello}/bin/hello";
      serviceConfig = {
        User = "myapp";
        RestrictAddressFamilies = lib.mkDefault [ "AF_UNIX" "AF_PACKET" ];
      };
    };
  };
}
