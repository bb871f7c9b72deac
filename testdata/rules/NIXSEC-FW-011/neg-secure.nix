{ ... }:
{
  networking.firewall.autoLoadConntrackHelpers = false;
}
