{ lib, pkgs, ... }:
with lib;
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-003
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "myapp";
      ProtectHome = true;
      PrivateTmp = true;
      ProtectSystem = mkForce true;
    };
  };
}
