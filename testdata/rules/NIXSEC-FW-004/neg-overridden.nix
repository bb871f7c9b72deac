{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.allowedTCPPortRanges = lib.mkDefault [ { from = 1000; to = 65535; } ]; }
    { networking.firewall.allowedTCPPortRanges = [ { from = 1714; to = 1764; } ]; }
  ];
}
