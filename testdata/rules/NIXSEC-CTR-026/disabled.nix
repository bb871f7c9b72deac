{
  virtualisation.libvirtd.enable = false;
  virtualisation.libvirtd.qemu.runAsRoot = true;
}
