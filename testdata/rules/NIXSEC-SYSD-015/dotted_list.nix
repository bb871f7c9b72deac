{ pkgs, ... }:
{
  systemd.services.backup.serviceConfig.ExecStart = "${pkgs.hello}/bin/hello";
  systemd.services.backup.serviceConfig.ExecStartPost = [
    "${pkgs.coreutils}/bin/true"
    "-!${pkgs.coreutils}/bin/cp /run/backup/state /var/lib/backup" # expect: NIXSEC-SYSD-015
    "!!${pkgs.coreutils}/bin/touch /run/backup/done" # expect: NIXSEC-SYSD-015
  ];
}
