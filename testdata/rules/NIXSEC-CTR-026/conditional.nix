{ config, lib, ... }:
with lib;
{
  virtualisation.libvirtd.qemu.runAsRoot = mkIf config.passthrough.enable (mkDefault true); # expect: NIXSEC-CTR-026 (possible)
}
