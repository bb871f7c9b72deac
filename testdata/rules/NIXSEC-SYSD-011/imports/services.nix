{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-011
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
