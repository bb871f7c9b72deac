{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.checkReversePath = lib.mkDefault false; }
    { networking.firewall.checkReversePath = "loose"; }
  ];
}
