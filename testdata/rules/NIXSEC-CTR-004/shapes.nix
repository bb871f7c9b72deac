{ config, lib, ... }:
with lib;
let
  kvm = { node = "/dev/kvm"; modifier = "rw"; };
in
{
  containers = {
    backup = {
      privateUsers = "pick";
      allowedDevices = [
        { node = "/dev/dri/card0"; modifier = "rw"; }
        { node = "/dev/sda"; modifier = "rwm"; } # expect: NIXSEC-CTR-004
      ];
    };
  };
  containers.raw.allowedDevices = mkForce [ { node = "/dev/mem"; modifier = "r w"; } ]; # expect: NIXSEC-CTR-004
  containers.fuse = mkIf config.fuse.enable {
    allowedDevices = mkDefault [ { node = "/dev/fuse"; modifier = "rwm"; } ]; # expect: NIXSEC-CTR-004 (possible)
  };
  containers.vm.allowedDevices = [ kvm ]; # expect: NIXSEC-CTR-004
}
