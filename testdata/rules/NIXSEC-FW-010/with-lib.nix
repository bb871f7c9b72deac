{ config, lib, ... }:
with lib;
{
  networking.firewall.rejectPackets = mkOverride 90 (true); # expect: NIXSEC-FW-010
}
