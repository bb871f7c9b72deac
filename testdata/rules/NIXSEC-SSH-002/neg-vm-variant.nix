{ ... }:
{
  virtualisation.vmVariant = {
    services.openssh.enable = true;

  };
}
