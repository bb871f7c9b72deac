{ config, lib, pkgs, ... }:
with lib;
let
  privateKeyFile = ./keys/wg0.key; # expect: NIXSEC-SEC-005
in
{
  networking.wireguard.interfaces.wg0 = mkMerge [
    { inherit privateKeyFile; }
  ];
}
