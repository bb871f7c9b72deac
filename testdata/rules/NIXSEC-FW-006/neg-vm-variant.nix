{ ... }:
{
  virtualisation.vmVariant = {
    networking.firewall.trustedInterfaces = [ "eth0" ];
  };
}
