{ pkgs, ... }:
{
  systemd.services.imager = { # expect: NIXSEC-SYSD-004
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "imager";
      DevicePolicy = "closed";
      DeviceAllow = [ "/dev/ttyUSB0 rw" "block-sd rw" ];
    };
  };
}
