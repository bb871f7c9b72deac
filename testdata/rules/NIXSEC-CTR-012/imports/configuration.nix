{ ... }:
{
  imports = [ ./app.nix ];
  system.stateVersion = "24.05";
}
