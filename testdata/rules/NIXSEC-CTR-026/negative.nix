{ lib, ... }:
{
  options.my.root = lib.mkEnableOption "root" // { example = true; };
  # virtualisation.libvirtd.qemu.runAsRoot = true;
  virtualisation.libvirtd = {
    enable = true;
    qemu.runAsRoot = false;
  };
  virtualisation.vmVariant.virtualisation.libvirtd.qemu.runAsRoot = true;
}
