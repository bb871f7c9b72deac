{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.enable = true; }
    { networking.firewall.enable = lib.mkForce false; } # expect: NIXSEC-FW-001
  ];
}
