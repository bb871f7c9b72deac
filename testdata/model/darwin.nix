# A nix-darwin module.
{ pkgs, ... }:
{
  services.nix-daemon.enable = true;
  system.defaults.dock.autohide = true;
  nix.settings.trusted-users = [ "@admin" ];
}
