{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.logRefusedConnections = true; }
    { networking.firewall.logRefusedConnections = lib.mkForce false; } # expect: NIXSEC-FW-009
  ];
}
