{ config, lib, pkgs, ... }:
{
  boot = {
    initrd = {
      luks = {
        devices = {
          root = {
            keyFile = ./keys/root.key; # expect: NIXSEC-SEC-007
          };
        };
      };
    };
  };
}
