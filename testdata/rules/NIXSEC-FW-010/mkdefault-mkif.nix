{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.exposed.enable {
    networking.firewall.rejectPackets = lib.mkDefault true; # expect: NIXSEC-FW-010 (possible)
  };
}
