{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.prometheus.exporters.node.enable = true;
    }
    { services.prometheus.exporters.node.openFirewall = false; }
    { services.prometheus.exporters.node.openFirewall = lib.mkForce true; } # expect: NIXSEC-FW-013
  ];
}
