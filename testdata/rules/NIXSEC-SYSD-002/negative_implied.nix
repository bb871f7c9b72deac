{ pkgs, ... }:
{
  # For a service without CAP_SYS_ADMIN (User= set), a system call filter
  # makes systemd turn NoNewPrivileges on when it starts the service.
  systemd.services.myapp.serviceConfig = {
    ExecStart = "${pkgs.hello}/bin/hello";
    User = "myapp";
    SystemCallFilter = [ "@system-service" ];
  };
  # DynamicUser implies it too.
  systemd.services.other.serviceConfig = {
    ExecStart = "${pkgs.hello}/bin/hello";
    DynamicUser = true;
  };
}
