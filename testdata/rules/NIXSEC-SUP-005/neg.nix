{ lib, buildGoModule, fetchFromGitHub }:
{
  a = fetchFromGitHub { owner = "o"; repo = "r"; rev = "v1.0"; hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; };
  b = buildGoModule { pname = "b"; version = "1"; src = ./.; vendorHash = null; };
  c = fetchFromGitHub { owner = "o"; repo = "c"; rev = "v1"; sha256 = "0m8c0v7a7gk3b1m8m0v2q6gcqz2l4x3b0r2a4lq8a7g1s1p0m9wx"; };
  d = builtins.fetchurl { url = "https://example.org/x"; sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"; };
  # A variable that holds the hash is not checked.
  e = fetchFromGitHub { owner = "o"; repo = "e"; rev = "v1"; hash = lib.fileContents ./hash; };
}
