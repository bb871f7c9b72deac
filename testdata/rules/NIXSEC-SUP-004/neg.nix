let
  pinned = import (builtins.fetchTarball {
    url = "https://github.com/NixOS/nixpkgs/archive/0123456789abcdef0123456789abcdef01234567.tar.gz";
    sha256 = "0m8c0v7a7gk3b1m8m0v2q6gcqz2l4x3b0r2a4lq8a7g1s1p0m9wx";
  }) { };
  release = builtins.fetchTarball { url = "https://github.com/example/tool/archive/v1.2.3.tar.gz"; sha256 = "0m8c0v7a7gk3b1m8m0v2q6gcqz2l4x3b0r2a4lq8a7g1s1p0m9wx"; };
  # "<nixpkgs>" in a string or comment is not a lookup: <nixpkgs>
  text = "import <nixpkgs> { }";
in
pinned.hello
