# A Home Manager module: `programs.ssh` here is not the NixOS option.
{ config, pkgs, ... }:
{
  home.username = "alice";
  home.packages = [ pkgs.git ];
  programs.ssh = { enable = true; forwardAgent = true; };
}
