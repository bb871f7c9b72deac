{ config, lib, ... }:
{
  networking.wireguard.interfaces.wg0.privateKeyFile = ./keys/wg0.key;
  networking.wireguard.interfaces.wg0.privateKeyFile = lib.mkForce null;
}
