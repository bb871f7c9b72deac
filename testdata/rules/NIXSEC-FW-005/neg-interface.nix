{ ... }:
{
  networking.firewall.allowedTCPPorts = [ 22 80 443 ];
  networking.firewall.interfaces."wg0".allowedTCPPorts = [ 5432 6379 9100 ];
}
