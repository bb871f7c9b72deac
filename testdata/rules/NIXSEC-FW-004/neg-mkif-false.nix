{ lib, ... }:
{
  config = lib.mkIf false {
    networking.firewall.allowedTCPPortRanges = [ { from = 1000; to = 65535; } ];
  };
}
