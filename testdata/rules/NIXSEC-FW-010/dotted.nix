{ config, lib, pkgs, ... }:
{
  networking.firewall.rejectPackets = true; # expect: NIXSEC-FW-010
}
