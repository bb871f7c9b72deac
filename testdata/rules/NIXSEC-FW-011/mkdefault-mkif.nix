{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.exposed.enable {
    networking.firewall.autoLoadConntrackHelpers = lib.mkDefault true; # expect: NIXSEC-FW-011 (possible)
  };
}
