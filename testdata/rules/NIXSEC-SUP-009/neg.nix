{ lib, ... }:
{
  nixpkgs.config.allowBroken = false;
  # Overridden for certain by the mkForce below.
  nixpkgs.config.allowUnsupportedSystem = true;
  nixpkgs.config.allowUnsupportedSystem = lib.mkForce false;
}
