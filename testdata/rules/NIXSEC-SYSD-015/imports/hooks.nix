{ pkgs, ... }:
{
  systemd.services.queue.serviceConfig.ExecStart = "${pkgs.hello}/bin/hello";
  systemd.services.queue.serviceConfig.ExecStopPost = "+${pkgs.coreutils}/bin/rm -rf /run/queue"; # expect: NIXSEC-SYSD-015
}
