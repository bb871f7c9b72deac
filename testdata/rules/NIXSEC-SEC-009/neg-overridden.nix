{ config, lib, ... }:
{
  networking.wireless.networks.home.psk = "correct horse battery";
  networking.wireless.networks.home.psk = lib.mkForce null;
}
