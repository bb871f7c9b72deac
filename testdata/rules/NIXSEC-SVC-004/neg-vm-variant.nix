{ ... }:
{
  virtualisation.vmVariant = {
    services.mongodb.enable = true;
    services.mongodb.bind_ip = "0.0.0.0";
  };
}
