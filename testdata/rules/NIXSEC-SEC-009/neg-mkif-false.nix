{ config, lib, ... }:
{
  config = lib.mkIf false {
    networking.wireless.networks.home.psk = "correct horse battery";
  };
}
