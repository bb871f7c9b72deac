{ config, lib, ... }:
with lib;
{
  services.prometheus.exporters.node.enable = true;
  services.prometheus.exporters.node.openFirewall = mkOverride 90 (true); # expect: NIXSEC-FW-013
}
