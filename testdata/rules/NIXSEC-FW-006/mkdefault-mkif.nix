{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.exposed.enable {
    networking.firewall.trustedInterfaces = lib.mkDefault [ "eth0" ]; # expect: NIXSEC-FW-006 (possible)
  };
}
