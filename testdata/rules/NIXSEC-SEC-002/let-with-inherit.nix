{ config, lib, pkgs, ... }:
with lib;
let
  hashedPassword = "$1$abcdefgh$0123456789abcdefghijkl";
in
{
  users.users.alice = mkMerge [
    { inherit hashedPassword; } # expect: NIXSEC-SEC-002
  ];
}
