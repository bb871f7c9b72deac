{ ... }:
{
  virtualisation.vmVariant = {
    services.printing.enable = true;
    services.printing.browsed.enable = true;
  };
}
