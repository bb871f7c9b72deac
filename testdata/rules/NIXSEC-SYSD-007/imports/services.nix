{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-007
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
