{ config, lib, ... }:
{
  boot.initrd.luks.devices.root.keyFile = ./keys/root.key;
  boot.initrd.luks.devices.root.keyFile = lib.mkForce null;
}
