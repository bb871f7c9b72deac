{ config, lib, ... }:
let
  value = [ 22 6379 ]; # expect: NIXSEC-FW-005
in
{
  networking.firewall.allowedTCPPorts = value;
}
