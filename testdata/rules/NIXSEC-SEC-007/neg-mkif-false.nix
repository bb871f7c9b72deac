{ config, lib, ... }:
{
  config = lib.mkIf false {
    boot.initrd.luks.devices.root.keyFile = ./keys/root.key;
  };
}
