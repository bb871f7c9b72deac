# test/ (singular) as well, also when the import goes through a let
# (reported at the path).
{ lib, ... }:
let
  generated = ./generated-keys.nix; # expect: NIXSEC-MOD-001 (possible)
in
{
  imports = [ generated ];
}
