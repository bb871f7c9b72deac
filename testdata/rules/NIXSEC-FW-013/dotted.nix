{ config, lib, pkgs, ... }:
{
  services.prometheus.exporters.node.enable = true;
  services.prometheus.exporters.node.openFirewall = true; # expect: NIXSEC-FW-013
}
