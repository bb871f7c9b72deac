{ pkgs, ... }:
{
  nix.package = pkgs.nixVersions.nix_2_3; # expect: NIXSEC-NIX-018
}
