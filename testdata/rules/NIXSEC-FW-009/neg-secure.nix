{ ... }:
{
  networking.firewall.logRefusedConnections = true;
}
