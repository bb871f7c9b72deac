{ config, lib, ... }:
with lib;
{
  networking.firewall.allowPing = mkOverride 90 (true); # expect: NIXSEC-FW-008
}
