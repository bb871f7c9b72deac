{ lib, buildGoModule, fetchFromGitHub, rustPlatform }:
{
  a = fetchFromGitHub {
    owner = "o";
    repo = "r";
    rev = "v1.0";
    hash = lib.fakeHash; # expect: NIXSEC-SUP-005
  };
  b = buildGoModule {
    pname = "b";
    version = "1";
    src = ./.;
    vendorHash = ""; # expect: NIXSEC-SUP-005
  };
  c = rustPlatform.buildRustPackage {
    pname = "c";
    version = "1";
    src = ./.;
    cargoHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="; # expect: NIXSEC-SUP-005
  };
  d = with lib; fetchFromGitHub { owner = "o"; repo = "d"; rev = "v1"; sha256 = fakeSha256; }; # expect: NIXSEC-SUP-005
  e = fetchFromGitHub { owner = "o"; repo = "e"; rev = "v1"; sha256 = "0000000000000000000000000000000000000000000000000000"; }; # expect: NIXSEC-SUP-005
  f = fetchFromGitHub { owner = "o"; repo = "f"; rev = "v1"; hash = "sha256-notbase64!"; }; # expect: NIXSEC-SUP-005
}
