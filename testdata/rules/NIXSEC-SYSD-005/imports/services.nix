{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-005
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
