{ config, lib, pkgs, ... }:
with lib;
let
  psk = "correct horse battery";
in
{
  networking.wireless.networks.home = mkMerge [
    { inherit psk; } # expect: NIXSEC-SEC-009
  ];
}
