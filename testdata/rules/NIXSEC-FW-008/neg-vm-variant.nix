{ ... }:
{
  virtualisation.vmVariant = {
    networking.firewall.allowPing = true;
  };
}
