{ lib, ... }:
{
  config = lib.mkMerge [
    {
      networking.nat.externalInterface = "eth0";
    }
    { networking.nat.enable = lib.mkDefault true; }
    { networking.nat.enable = false; }
  ];
}
