{ config, lib, ... }:
with lib;
{
  virtualisation.libvirtd = {
    enable = true;
    qemu = {
      runAsRoot = true; # expect: NIXSEC-CTR-026
    };
  };
}
