{ ... }:
{
  virtualisation.vmVariant = {
    networking.firewall.autoLoadConntrackHelpers = true;
  };
}
