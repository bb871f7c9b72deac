{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.rejectPackets = lib.mkDefault true; }
    { networking.firewall.rejectPackets = false; }
  ];
}
