{ config, lib, pkgs, ... }:
with lib;
let
  RESTIC_PASSWORD = "hunter2-backup";
in
{
  systemd.services.backup.environment = mkMerge [
    { inherit RESTIC_PASSWORD; } # expect: NIXSEC-SEC-006
  ];
}
