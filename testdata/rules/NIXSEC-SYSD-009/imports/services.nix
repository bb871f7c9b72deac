{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-009
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
