{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.prometheus.exporters.node.enable = true;
    }
    (lib.mkIf false { services.prometheus.exporters.node.openFirewall = true; })
  ];
}
