{ config, lib, ... }:
with lib;
let
  gpu = "/dev/dri:/dev/dri";
in
{
  virtualisation.oci-containers.containers = {
    disk = {
      image = "example/disk:1";
      devices = [
        "/dev/sda:/dev/sda" # expect: NIXSEC-CTR-013
        "/dev/sdb:/dev/sdb:r"
      ];
    };
  };
  virtualisation.oci-containers.containers.mem.devices = mkForce [ "/dev/mem" ]; # expect: NIXSEC-CTR-013
  virtualisation.oci-containers.containers.vm = mkIf config.vm.enable {
    extraOptions = mkDefault [ "--device=/dev/kvm" ]; # expect: NIXSEC-CTR-013 (possible)
  };
  virtualisation.oci-containers.containers.jellyfin.devices = [ gpu ]; # expect: NIXSEC-CTR-013
  virtualisation.oci-containers.containers.nvme.extraOptions = [
    "--device" # expect: NIXSEC-CTR-013
    "/dev/nvme0n1:/dev/nvme0n1:rwm"
  ];
}
