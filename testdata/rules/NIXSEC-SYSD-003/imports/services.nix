{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-003
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
