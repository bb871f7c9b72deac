{ pkgs, ... }:
{
  # A closed policy with the one device the service needs.
  systemd.services.reader = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      DevicePolicy = "closed";
      DeviceAllow = [ "/dev/ttyUSB0 rw" ];
    };
  };
}
