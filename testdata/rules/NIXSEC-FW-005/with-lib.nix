{ config, lib, ... }:
with lib;
{
  networking.firewall.allowedTCPPorts = mkOverride 90 ([ 22 6379 ]); # expect: NIXSEC-FW-005
}
