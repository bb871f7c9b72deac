{ lib, ... }:
let
  root = true;
in
{
  virtualisation.libvirtd.qemu.runAsRoot = lib.mkForce root; # expect: NIXSEC-CTR-026
}
