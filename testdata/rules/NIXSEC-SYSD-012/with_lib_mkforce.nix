{ lib, pkgs, ... }:
with lib;
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-012
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "myapp";
      UMask = mkForce "0000";
    };
  };
}
