{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.trustedInterfaces = [ "lo" ]; }
    { networking.firewall.trustedInterfaces = lib.mkForce [ "eth0" ]; } # expect: NIXSEC-FW-006
  ];
}
