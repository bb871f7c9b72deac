{ lib, ... }:
{
  nix.settings.trusted-users = [ "root" "@wheel" ];
  nix.settings.trusted-users = lib.mkForce [ "root" ];
}
