{ ... }:
{
  imports = [ ./containers.nix ];
  system.stateVersion = "24.05";
}
