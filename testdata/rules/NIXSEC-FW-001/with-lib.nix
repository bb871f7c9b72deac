{ config, lib, ... }:
with lib;
{
  networking.firewall.enable = mkOverride 90 (false); # expect: NIXSEC-FW-001
}
