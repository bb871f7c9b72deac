{ config, lib, ... }:
with lib;
{
  networking.firewall.checkReversePath = mkOverride 90 (false); # expect: NIXSEC-FW-007
}
