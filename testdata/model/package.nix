# A package expression: no system.
{ lib, stdenv, fetchurl }:
stdenv.mkDerivation {
  pname = "hello";
  version = "2.12";
  src = fetchurl { url = "https://example.org/hello.tar.gz"; hash = lib.fakeHash; };
}
