{ lib, ... }:
{
  nix.settings.require-sigs = false;
  nix.settings = {
    require-sigs = lib.mkForce true;
  };
}
