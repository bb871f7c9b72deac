{ pkgs, ... }:
let
  hardening = {
    User = "a";
    PrivateDevices = true;
    DevicePolicy = "closed";
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-004
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      PrivateDevices = false;
      DevicePolicy = "closed";
    };
  };
}
