{ config, lib, ... }:
let
  sigs = false;
in
with lib;
{
  config = mkIf config.services.buildfarm.enable {
    nix.settings.require-sigs = mkDefault sigs; # expect: NIXSEC-NIX-001 (possible)
  };
}
