{ config, lib, pkgs, ... }:
{
  networking.wireguard.interfaces.wg0 = {
    privateKeyFile = lib.mkForce ./keys/wg0.key; # expect: NIXSEC-SEC-005
  };
}
