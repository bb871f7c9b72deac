{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.services.myapp.enable {
    systemd.services.myapp = { # expect: NIXSEC-SYSD-011 (possible)
      script = "exec ${pkgs.hello}/bin/hello";
      serviceConfig = {
        User = "myapp";
        RestrictRealtime = true;
        RestrictSUIDSGID = true;
        LockPersonality = lib.mkDefault false;
      };
    };
  };
}
