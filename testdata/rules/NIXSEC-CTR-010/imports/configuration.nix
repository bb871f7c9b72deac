{ ... }:
{
  imports = [ ./agent.nix ];
  system.stateVersion = "24.05";
}
