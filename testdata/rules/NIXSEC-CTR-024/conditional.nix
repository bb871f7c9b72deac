{ config, lib, ... }:
with lib;
{
  virtualisation.incus.preseed.config."core.https_address" = mkIf config.remote.enable (mkDefault "[::]:8443"); # expect: NIXSEC-CTR-024 (possible)
}
