{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-002
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
