{ config, lib, ... }:
with lib;
{
  networking.firewall.logRefusedConnections = mkOverride 90 (false); # expect: NIXSEC-FW-009
}
