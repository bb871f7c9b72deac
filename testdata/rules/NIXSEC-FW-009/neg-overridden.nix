{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.logRefusedConnections = lib.mkDefault false; }
    { networking.firewall.logRefusedConnections = true; }
  ];
}
