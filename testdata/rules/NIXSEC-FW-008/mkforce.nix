{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.allowPing = false; }
    { networking.firewall.allowPing = lib.mkForce true; } # expect: NIXSEC-FW-008
  ];
}
