{
  virtualisation.libvirtd.qemu.runAsRoot = true; # expect: NIXSEC-CTR-026
}
