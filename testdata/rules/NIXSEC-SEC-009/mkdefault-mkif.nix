{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.profiles.legacy.enable {
    networking.wireless.networks.home.psk = lib.mkDefault "correct horse battery"; # expect: NIXSEC-SEC-009 (possible)
  };
}
