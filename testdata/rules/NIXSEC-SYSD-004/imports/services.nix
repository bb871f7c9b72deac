{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-004
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
