{ ... }:
{
  virtualisation.vmVariant = {
    services.prometheus.exporters.node.enable = true;
    services.prometheus.exporters.node.openFirewall = true;
  };
}
