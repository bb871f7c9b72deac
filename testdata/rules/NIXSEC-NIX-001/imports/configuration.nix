{ ... }:
{
  imports = [ ./_nix.nix ];
}
