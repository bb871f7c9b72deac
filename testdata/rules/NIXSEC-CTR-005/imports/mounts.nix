{ lib, ... }:
{
  containers.backup.bindMounts."/mnt/host" = {
    hostPath = "/";
    isReadOnly = false; # expect: NIXSEC-CTR-005
  };
}
