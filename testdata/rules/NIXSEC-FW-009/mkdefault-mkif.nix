{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.exposed.enable {
    networking.firewall.logRefusedConnections = lib.mkDefault false; # expect: NIXSEC-FW-009 (possible)
  };
}
