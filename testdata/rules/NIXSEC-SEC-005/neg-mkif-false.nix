{ config, lib, ... }:
{
  config = lib.mkIf false {
    networking.wireguard.interfaces.wg0.privateKeyFile = ./keys/wg0.key;
  };
}
