{ config, lib, pkgs, ... }:
{
  networking.nat.externalInterface = "eth0";
  networking.nat.enable = true; # expect: NIXSEC-FW-012
}
