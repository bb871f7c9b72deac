{ ... }:
{
  containers.metrics = {
    privateNetwork = true;
    config = { ... }: {
      services.prometheus.exporters.node = {
        enable = true;
        openFirewall = true;
      };
    };
  };
}
