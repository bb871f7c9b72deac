{ config, lib, pkgs, ... }:
{
  networking.wireguard.interfaces.wg0.privateKeyFile = ./keys/wg0.key; # expect: NIXSEC-SEC-005
}
