{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-016
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
