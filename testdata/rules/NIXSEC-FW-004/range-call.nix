{ lib, ... }:
{
  networking.firewall.allowedTCPPorts = [ 22 ] ++ lib.range 8000 9500; # expect: NIXSEC-FW-004
  networking.firewall.allowedUDPPortRanges = [
    { from = 100; to = 200; } # expect: NIXSEC-FW-004
  ];
}
