{ lib, ... }:
{
  config = lib.mkMerge [
    {
      networking.nat.externalInterface = "eth0";
    }
    { networking.nat.enable = false; }
    { networking.nat.enable = lib.mkForce true; } # expect: NIXSEC-FW-012
  ];
}
