{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.enable = lib.mkDefault false; }
    { networking.firewall.enable = true; }
  ];
}
