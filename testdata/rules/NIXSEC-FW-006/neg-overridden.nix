{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.trustedInterfaces = lib.mkDefault [ "eth0" ]; }
    { networking.firewall.trustedInterfaces = [ "lo" ]; }
  ];
}
