{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-013
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
