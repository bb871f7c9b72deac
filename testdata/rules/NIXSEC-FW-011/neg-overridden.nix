{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.autoLoadConntrackHelpers = lib.mkDefault true; }
    { networking.firewall.autoLoadConntrackHelpers = false; }
  ];
}
