{ ... }:
{
  imports = [ ./rules.nix ];
}
