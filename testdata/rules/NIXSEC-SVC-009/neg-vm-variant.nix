{ ... }:
{
  virtualisation.vmVariant = {
    services.avahi.enable = true;
    services.nginx.enable = true;
    services.avahi.publish.enable = true;
  };
}
