{ config, lib, ... }:
let
  value = true;
in
{
  services.prometheus.exporters.node.enable = true;
  services.prometheus.exporters.node.openFirewall = value; # expect: NIXSEC-FW-013
}
