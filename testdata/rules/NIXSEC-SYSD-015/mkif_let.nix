{ config, lib, pkgs, ... }:
let
  fixPerms = "+${pkgs.coreutils}/bin/chown app /srv/app";
in
{
  config = lib.mkIf config.services.app.enable {
    systemd.services.app = {
      script = "exec ${pkgs.hello}/bin/hello";
      serviceConfig.DynamicUser = true;
      serviceConfig.ExecStartPre = lib.mkDefault fixPerms; # expect: NIXSEC-SYSD-015 (possible)
    };
  };
}
