{ lib, ... }:
{
  nix.settings.trusted-users = [ "root" ];
  nix.settings.allowed-users = [ "@wheel" ];
  # Overridden for certain.
  nix.settings.trusted-substituters = [ "https://nix-community.cachix.org" ];
}
