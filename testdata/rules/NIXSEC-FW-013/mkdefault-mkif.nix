{ config, lib, ... }:
{
  config = lib.mkMerge [
    {
      services.prometheus.exporters.node.enable = true;
    }
    (lib.mkIf config.profiles.exposed.enable {
      services.prometheus.exporters.node.openFirewall = lib.mkDefault true; # expect: NIXSEC-FW-013 (possible)
    })
  ];
}
