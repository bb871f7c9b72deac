{ ... }:
{
  imports = [ ./lxc.nix ];
  virtualisation.lxc.enable = true;
}
