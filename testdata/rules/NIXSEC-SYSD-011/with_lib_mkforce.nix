{ lib, pkgs, ... }:
with lib;
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-011
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "myapp";
      RestrictRealtime = true;
      RestrictSUIDSGID = true;
      LockPersonality = mkForce false;
    };
  };
}
