{ ... }:
{
  networking.firewall.connectionTrackingModules = [ ];
}
