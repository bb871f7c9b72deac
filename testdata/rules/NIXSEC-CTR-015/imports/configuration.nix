{ ... }:
{
  imports = [ ./redis.nix ];
  system.stateVersion = "24.05";
}
