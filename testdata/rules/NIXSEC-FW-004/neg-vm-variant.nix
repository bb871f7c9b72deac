{ ... }:
{
  virtualisation.vmVariant = {
    networking.firewall.allowedTCPPortRanges = [ { from = 1000; to = 65535; } ];
  };
}
