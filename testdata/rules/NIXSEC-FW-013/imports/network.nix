{ lib, ... }:
{
  services.prometheus.exporters.node.openFirewall = true; # expect: NIXSEC-FW-013
}
