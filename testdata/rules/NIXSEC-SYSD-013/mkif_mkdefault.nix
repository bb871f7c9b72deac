{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.services.myapp.enable {
    systemd.services.myapp = { # expect: NIXSEC-SYSD-013 (possible)
      script = "exec ${pkgs.hello}/bin/hello";
      serviceConfig = {
        User = "myapp";
        RemoveIPC = true;
        NotifyAccess = lib.mkDefault "all";
      };
    };
  };
}
