{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.services.myapp.enable {
    systemd.services.myapp = { # expect: NIXSEC-SYSD-006 (possible)
      script = "exec ${pkgs.hello}/bin/hello";
      serviceConfig = {
        User = "myapp";
        ProcSubset = "pid";
        ProtectProc = lib.mkDefault "default";
      };
    };
  };
}
