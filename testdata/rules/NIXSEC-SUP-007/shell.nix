# Development shells are impure by nature: not reported.
{ pkgs ? import <nixpkgs> { system = builtins.currentSystem; } }:
pkgs.mkShell { HOME_DIR = builtins.getEnv "HOME"; }
