{ ... }:
{
  networking.firewall.enable = false;
  networking.firewall.allowedTCPPorts = [ 6379 ];
}
