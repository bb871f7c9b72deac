{ pkgs, fetchurl, ... }:
{
  a = builtins.fetchurl { url = "https://example.org/install.sh"; sha256 = "0m8c0v7a7gk3b1m8m0v2q6gcqz2l4x3b0r2a4lq8a7g1s1p0m9wx"; };
  # pkgs.fetchurl is a fixed-output derivation: its hash is mandatory.
  b = pkgs.fetchurl { url = "https://example.org/b.tar.gz"; hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; };
  c = fetchurl { url = "https://example.org/c.tar.gz"; hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; };
}
