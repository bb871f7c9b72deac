{ ... }:
{
  imports = [ ./network.nix ];
}
