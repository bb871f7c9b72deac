{ ... }:
{
  networking.nat.externalInterface = "eth0";
  networking.nat.enable = false;
}
