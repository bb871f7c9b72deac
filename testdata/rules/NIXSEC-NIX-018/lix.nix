{ pkgs, ... }:
{ nix.package = pkgs.lix; }
