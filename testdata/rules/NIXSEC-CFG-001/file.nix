# nixsec-ignore-file NIXSEC-SUP-004: classic channel configuration, pinned by the deploy tool
{ pkgs ? import <nixpkgs> { } }:
pkgs.hello
