{ ... }:
{
  imports = [ ./network.nix ];
  services.prometheus.exporters.node.enable = true;
}
