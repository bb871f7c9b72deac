{ ... }:
{
  networking.firewall.enable = true;
  networking.firewall.logRefusedPackets = false;
}
