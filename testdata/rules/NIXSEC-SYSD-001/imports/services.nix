{ pkgs, ... }:
{
  systemd.services.queue = { # expect: NIXSEC-SYSD-001
    serviceConfig = {
      ExecStart = "${pkgs.hello}/bin/hello";
    };
  };
}
