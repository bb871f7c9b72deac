{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.allowedTCPPorts = lib.mkDefault [ 22 6379 ]; }
    { networking.firewall.allowedTCPPorts = [ 22 443 ]; }
  ];
}
