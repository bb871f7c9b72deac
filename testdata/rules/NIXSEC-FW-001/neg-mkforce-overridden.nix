{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.enable = lib.mkForce false; }
    { networking.firewall.enable = lib.mkOverride 10 true; }
  ];
}
