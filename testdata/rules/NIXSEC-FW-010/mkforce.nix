{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.rejectPackets = false; }
    { networking.firewall.rejectPackets = lib.mkForce true; } # expect: NIXSEC-FW-010
  ];
}
