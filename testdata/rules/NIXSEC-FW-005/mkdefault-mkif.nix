{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.exposed.enable {
    networking.firewall.allowedTCPPorts = lib.mkDefault [ 22 6379 ]; # expect: NIXSEC-FW-005 (possible)
  };
}
