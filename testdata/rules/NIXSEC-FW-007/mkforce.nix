{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.checkReversePath = "loose"; }
    { networking.firewall.checkReversePath = lib.mkForce false; } # expect: NIXSEC-FW-007
  ];
}
