{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-008
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
