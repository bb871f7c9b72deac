{ ... }:
{
  networking.nat.enable = true;
  networking.nftables.enable = true;
  networking.firewall.filterForward = true;
}
