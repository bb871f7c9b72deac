{ config, lib, ... }:
with lib;
{
  networking.firewall.autoLoadConntrackHelpers = mkOverride 90 (true); # expect: NIXSEC-FW-011
}
