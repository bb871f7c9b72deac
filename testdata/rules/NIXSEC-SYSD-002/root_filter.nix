{ pkgs, ... }:
{
  # A root service keeps CAP_SYS_ADMIN: the filter does not imply NoNewPrivileges.
  systemd.services.myapp.serviceConfig = { # expect: NIXSEC-SYSD-002
    ExecStart = "${pkgs.hello}/bin/hello";
    SystemCallFilter = [ "@system-service" ];
  };
}
