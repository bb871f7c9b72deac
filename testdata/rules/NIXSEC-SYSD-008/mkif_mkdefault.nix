{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.services.myapp.enable {
    systemd.services.myapp = { # expect: NIXSEC-SYSD-008 (possible)
      script = "exec ${pkgs.hello}/bin/hello";
      serviceConfig = {
        User = "myapp";
        PrivateUsers = true;
        PrivateMounts = true;
        RestrictNamespaces = lib.mkDefault false;
      };
    };
  };
}
