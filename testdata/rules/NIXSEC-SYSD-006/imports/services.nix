{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-006
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
