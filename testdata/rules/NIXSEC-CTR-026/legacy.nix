{
  virtualisation.libvirtd.enable = true;
  virtualisation.libvirtd.qemuRunAsRoot = true; # expect: NIXSEC-CTR-026
}
