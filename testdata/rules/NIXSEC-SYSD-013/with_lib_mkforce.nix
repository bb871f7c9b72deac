{ lib, pkgs, ... }:
with lib;
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-013
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "myapp";
      RemoveIPC = true;
      NotifyAccess = mkForce "all";
    };
  };
}
