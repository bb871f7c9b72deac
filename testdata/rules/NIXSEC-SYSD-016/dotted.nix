{ pkgs, ... }:
{
  systemd.services.worker.serviceConfig.ExecStart = "${pkgs.hello}/bin/hello"; # expect: NIXSEC-SYSD-016
  systemd.services.worker.serviceConfig.User = "worker";
  systemd.services.worker.wantedBy = [ "multi-user.target" ];
}
