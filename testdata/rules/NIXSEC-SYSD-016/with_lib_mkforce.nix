{ lib, pkgs, ... }:
with lib;
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-016
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "myapp";
      NoNewPrivileges = mkForce true;
    };
  };
}
