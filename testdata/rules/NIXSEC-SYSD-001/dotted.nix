{ pkgs, ... }:
{
  systemd.services.worker.serviceConfig.ExecStart = "${pkgs.hello}/bin/hello"; # expect: NIXSEC-SYSD-001
  systemd.services.worker.wantedBy = [ "multi-user.target" ];
}
