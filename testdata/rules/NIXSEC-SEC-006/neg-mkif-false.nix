{ config, lib, ... }:
{
  config = lib.mkIf false {
    systemd.services.backup.environment.RESTIC_PASSWORD = "hunter2-backup";
  };
}
