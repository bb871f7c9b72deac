{ ... }:
{
  virtualisation.vmVariant = {
    networking.firewall.enable = false;
  };
}
