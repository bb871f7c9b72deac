{ lib, ... }:
let
  relaxed = {
    MemoryDenyWriteExecute = lib.mkForce false; # expect: NIXSEC-SYSD-014
  };
in
{
  services.gitea.enable = true;
  systemd.services.gitea.serviceConfig = relaxed // { TimeoutStartSec = "5min"; };
}
