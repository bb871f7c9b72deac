{ config, lib, pkgs, ... }:
{
  boot.initrd.luks.devices.root = {
    keyFile = lib.mkForce ./keys/root.key; # expect: NIXSEC-SEC-007
  };
}
