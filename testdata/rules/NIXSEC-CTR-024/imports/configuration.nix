{ ... }:
{
  imports = [ ./incus.nix ];
  virtualisation.incus.enable = true;
}
