{ lib, ... }:
{
  config = lib.mkMerge [
    { networking.firewall.allowedTCPPorts = [ 22 443 ]; }
    { networking.firewall.allowedTCPPorts = lib.mkForce [ 22 6379 ]; } # expect: NIXSEC-FW-005
  ];
}
