{ ... }:
{
  virtualisation.vmVariant = {
    networking.firewall.checkReversePath = false;
  };
}
