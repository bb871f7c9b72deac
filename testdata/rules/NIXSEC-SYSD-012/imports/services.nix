{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-012
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
      User = "queue";
    };
  };
}
