{ ... }:
{
  networking.firewall.allowedTCPPorts = [ 22 443 ];
}
