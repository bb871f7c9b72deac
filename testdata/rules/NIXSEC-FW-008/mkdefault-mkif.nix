{ config, lib, ... }:
{
  config = lib.mkIf config.profiles.exposed.enable {
    networking.firewall.allowPing = lib.mkDefault true; # expect: NIXSEC-FW-008 (possible)
  };
}
