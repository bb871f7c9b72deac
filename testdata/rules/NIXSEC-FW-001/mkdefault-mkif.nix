{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.exposed.enable {
    networking.firewall.enable = lib.mkDefault false; # expect: NIXSEC-FW-001 (possible)
  };
}
