{ pkgs, ... }:
let
  # Pinned to a commit and verified by its hash.
  hm = builtins.fetchTarball {
    url = "https://github.com/nix-community/home-manager/archive/0123456789abcdef0123456789abcdef01234567.tar.gz";
    sha256 = "0m8c0v7a7gk3b1m8m0v2q6gcqz2l4x3b0r2a4lq8a7g1s1p0m9wx";
  };
  # A local function that happens to be called fetchTarball is not the builtin.
  fetchTarball = url: pkgs.fetchzip { inherit url; hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; };
  other = fetchTarball "https://example.org/x.tar.gz";
  # comment: builtins.fetchTarball "https://example.org/y.tar.gz"
in
{ }
