{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.profiles.legacy.enable {
    boot.initrd.luks.devices.root.keyFile = lib.mkDefault ./keys/root.key; # expect: NIXSEC-SEC-007 (possible)
  };
}
