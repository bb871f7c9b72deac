{ ... }:
{
  virtualisation.vmVariant = {
    networking.firewall.rejectPackets = true;
  };
}
