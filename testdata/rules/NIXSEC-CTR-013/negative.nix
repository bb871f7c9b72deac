{ lib, ... }:
{
  options.my.devices = lib.mkOption {
    type = lib.types.listOf lib.types.str;
    example = [ "/dev/sda:/dev/sda" ];
  };
  virtualisation.oci-containers.containers.reader = {
    image = "example/reader:1";
    # devices = [ "/dev/mem" ];
    devices = [ "/dev/sdb:/dev/sdb:r" "/dev/custom0" ];
    extraOptions = [ "--device-cgroup-rule=c 13:* rmw" "--label" "--device=/dev/sda" ];
  };
  virtualisation.vmVariant.virtualisation.oci-containers.containers.test.devices = [ "/dev/mem" ];
}
