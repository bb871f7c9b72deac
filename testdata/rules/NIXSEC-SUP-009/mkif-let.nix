{ config, lib, ... }:
let
  broken = true;
in
with lib;
mkIf config.dev.enable {
  nixpkgs.config.allowBroken = mkDefault broken; # expect: NIXSEC-SUP-009 (possible)
}
