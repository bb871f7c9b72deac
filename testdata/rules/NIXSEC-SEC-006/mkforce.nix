{ config, lib, pkgs, ... }:
{
  systemd.services.backup.environment = {
    RESTIC_PASSWORD = lib.mkForce "hunter2-backup"; # expect: NIXSEC-SEC-006
  };
}
