{ config, lib, ... }:
{
  networking.firewall.enable = lib.mkIf (!config.boot.isContainer) false; # expect: NIXSEC-FW-001 (possible)
}
