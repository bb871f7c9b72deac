{ ... }:
{
  virtualisation.vmVariant = {
    networking.firewall.logRefusedConnections = false;
  };
}
