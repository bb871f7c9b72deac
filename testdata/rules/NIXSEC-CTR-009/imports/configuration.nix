{ ... }:
{
  imports = [ ./caps.nix ];
  system.stateVersion = "24.05";
}
