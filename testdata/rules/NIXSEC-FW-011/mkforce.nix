{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.autoLoadConntrackHelpers = false; }
    { networking.firewall.autoLoadConntrackHelpers = lib.mkForce true; } # expect: NIXSEC-FW-011
  ];
}
