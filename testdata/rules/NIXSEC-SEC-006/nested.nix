{ config, lib, pkgs, ... }:
{
  systemd = {
    services = {
      backup = {
        environment = {
          RESTIC_PASSWORD = "hunter2-backup"; # expect: NIXSEC-SEC-006
        };
      };
    };
  };
}
