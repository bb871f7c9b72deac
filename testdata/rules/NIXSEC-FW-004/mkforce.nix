{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.allowedTCPPortRanges = [ { from = 1714; to = 1764; } ]; }
    { networking.firewall.allowedTCPPortRanges = lib.mkForce [ { from = 1000; to = 65535; } ]; } # expect: NIXSEC-FW-004
  ];
}
