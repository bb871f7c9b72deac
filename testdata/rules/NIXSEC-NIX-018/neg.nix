{ pkgs, ... }:
{
  nix.package = pkgs.nixVersions.latest;
}
