{ ... }:
{
  imports = [ ./ci.nix ];
  system.stateVersion = "24.05";
}
