{ config, lib, ... }:
let
  value = [ { from = 1000; to = 65535; } ]; # expect: NIXSEC-FW-004
in
{
  networking.firewall.allowedTCPPortRanges = value;
}
