{ pkgs, lib, ... }:
{ nix.package = lib.mkForce pkgs.nixVersions.minimum; } # expect: NIXSEC-NIX-018
