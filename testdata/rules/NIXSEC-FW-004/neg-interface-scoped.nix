{ ... }:
{
  networking.firewall.interfaces."wg0".allowedUDPPortRanges = [ { from = 10000; to = 20000; } ];
  networking.firewall.allowedUDPPortRanges = [ { from = 60000; to = 60010; } ];
}
