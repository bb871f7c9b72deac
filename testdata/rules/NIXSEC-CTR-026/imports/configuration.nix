{ ... }:
{
  imports = [ ./libvirt.nix ];
  virtualisation.libvirtd.enable = true;
}
