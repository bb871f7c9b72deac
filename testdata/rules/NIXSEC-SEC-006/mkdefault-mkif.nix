{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.profiles.legacy.enable {
    systemd.services.backup.environment.RESTIC_PASSWORD = lib.mkDefault "hunter2-backup"; # expect: NIXSEC-SEC-006 (possible)
  };
}
