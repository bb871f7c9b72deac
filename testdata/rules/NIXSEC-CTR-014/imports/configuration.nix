{ ... }:
{
  imports = [ ./unmask.nix ];
  system.stateVersion = "24.05";
}
