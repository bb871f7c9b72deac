{ config, lib, pkgs, ... }:
with lib;
let
  keyFile = ./keys/root.key; # expect: NIXSEC-SEC-007
in
{
  boot.initrd.luks.devices.root = mkMerge [
    { inherit keyFile; }
  ];
}
