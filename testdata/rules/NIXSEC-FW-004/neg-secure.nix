{ ... }:
{
  networking.firewall.allowedTCPPortRanges = [ { from = 1714; to = 1764; } ];
}
