{ ... }:
{
  networking.firewall.rejectPackets = false;
}
