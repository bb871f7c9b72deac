{ lib, ... }:
{
  options.my.devices = lib.mkOption {
    type = lib.types.listOf lib.types.attrs;
    example = [ { node = "/dev/sda"; modifier = "rwm"; } ];
  };
  # containers.old.allowedDevices = [ { node = "/dev/sda"; modifier = "rwm"; } ];
  containers.backup.allowedDevices = [
    { node = "/dev/sda"; modifier = "r"; }
    { node = "/dev/net/tun"; modifier = "rwm"; }
    { node = "/dev/dri/renderD128"; modifier = "rw"; }
    { node = "/dev/ttyUSB0"; modifier = "rw"; }
  ];
  virtualisation.vmVariant.containers.test.allowedDevices = [ { node = "/dev/mem"; modifier = "rw"; } ];
}
