{ config, lib, ... }:
with lib;
{
  config = mkIf config.services.matrix.enable {
    nixpkgs.config.permittedInsecurePackages = mkDefault [ "olm-3.2.16" ]; # expect: NIXSEC-SUP-008 (possible)
  };
}
