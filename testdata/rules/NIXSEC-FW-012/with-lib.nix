{ config, lib, ... }:
with lib;
{
  networking.nat.externalInterface = "eth0";
  networking.nat.enable = mkOverride 90 (true); # expect: NIXSEC-FW-012
}
