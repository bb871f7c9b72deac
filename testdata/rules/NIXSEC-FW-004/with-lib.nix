{ config, lib, ... }:
with lib;
{
  networking.firewall.allowedTCPPortRanges = mkOverride 90 ([ { from = 1000; to = 65535; } ]); # expect: NIXSEC-FW-004
}
