{ config, lib, ... }:
{
  systemd.services.backup.environment.RESTIC_PASSWORD = "hunter2-backup";
  systemd.services.backup.environment.RESTIC_PASSWORD = lib.mkForce null;
}
