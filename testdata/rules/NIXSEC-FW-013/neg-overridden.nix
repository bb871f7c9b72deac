{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.prometheus.exporters.node.enable = true;
    }
    { services.prometheus.exporters.node.openFirewall = lib.mkDefault true; }
    { services.prometheus.exporters.node.openFirewall = false; }
  ];
}
