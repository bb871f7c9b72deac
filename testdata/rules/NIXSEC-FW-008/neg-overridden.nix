{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.allowPing = lib.mkDefault true; }
    { networking.firewall.allowPing = false; }
  ];
}
