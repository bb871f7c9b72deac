{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.services.myapp.enable {
    systemd.services.myapp = { # expect: NIXSEC-SYSD-016 (possible)
      script = "exec ${pkgs.hello}/bin/hello";
      serviceConfig.User = lib.mkDefault "myapp";
    };
  };
}
