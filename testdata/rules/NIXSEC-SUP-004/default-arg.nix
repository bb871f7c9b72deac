# A NIX_PATH lookup as an argument's default is a fallback: info and
# possible. The same lookup in the body is low and definite.
{ pkgs ? import <nixpkgs> { }, nixpkgs ? <nixpkgs> }: # expect: NIXSEC-SUP-004 (possible), NIXSEC-SUP-004 (possible)
let
  local = import <nixpkgs> { }; # expect: NIXSEC-SUP-004
in
{
  hello = pkgs.hello;
  inherit (local) jq;
}
