{ ... }:
{
  virtualisation.vmVariant = {
    networking.firewall.allowedTCPPorts = [ 22 6379 ];
  };
}
