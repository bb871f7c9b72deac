{ pkgs, ... }:
{
  a = pkgs.fetchurl { url = "https://example.org/a.tar.gz"; hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; };
  # Plain http to this machine never crosses a network.
  b = builtins.fetchurl { url = "http://localhost:8080/b"; sha256 = "0m8c0v7a7gk3b1m8m0v2q6gcqz2l4x3b0r2a4lq8a7g1s1p0m9wx"; };
  # Not a fetcher: a URL in documentation or a service option.
  services.foo.url = "http://example.org";
  homepage = "http://example.org";
}
