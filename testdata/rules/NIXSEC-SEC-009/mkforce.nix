{ config, lib, pkgs, ... }:
{
  networking.wireless.networks.home = {
    psk = lib.mkForce "correct horse battery"; # expect: NIXSEC-SEC-009
  };
}
