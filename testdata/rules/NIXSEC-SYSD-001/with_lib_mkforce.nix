{ lib, pkgs, ... }:
with lib;
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-001
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = mkForce "root";
    };
  };
}
