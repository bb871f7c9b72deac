{ pkgs ? import <nixpkgs> { } }: # expect: NIXSEC-SUP-004 (possible)
let
  unstable = import (builtins.fetchTarball { # expect: NIXSEC-SUP-001
    url = "https://github.com/NixOS/nixpkgs/archive/nixos-unstable.tar.gz"; # expect: NIXSEC-SUP-004
  }) { };
  channel = builtins.fetchTarball { url = "https://channels.nixos.org/nixos-24.05/nixexprs.tar.xz"; sha256 = "0m8c0v7a7gk3b1m8m0v2q6gcqz2l4x3b0r2a4lq8a7g1s1p0m9wx"; }; # expect: NIXSEC-SUP-004
in
pkgs.hello
