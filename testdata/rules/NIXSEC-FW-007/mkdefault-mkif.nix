{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.exposed.enable {
    networking.firewall.checkReversePath = lib.mkDefault false; # expect: NIXSEC-FW-007 (possible)
  };
}
