{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.exposed.enable {
    networking.firewall.allowedTCPPortRanges = lib.mkDefault [ { from = 1000; to = 65535; } ]; # expect: NIXSEC-FW-004 (possible)
  };
}
