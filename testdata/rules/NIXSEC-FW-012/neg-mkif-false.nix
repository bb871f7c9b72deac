{ lib, ... }:
{
  config = lib.mkMerge [
    {
      networking.nat.externalInterface = "eth0";
    }
    (lib.mkIf false { networking.nat.enable = true; })
  ];
}
