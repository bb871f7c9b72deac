{ config, lib, ... }:
with lib;
{
  networking.firewall.trustedInterfaces = mkOverride 90 ([ "eth0" ]); # expect: NIXSEC-FW-006
}
