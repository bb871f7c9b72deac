{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-010
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
