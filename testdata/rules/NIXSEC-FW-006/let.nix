{ config, lib, ... }:
let
  value = [ "eth0" ]; # expect: NIXSEC-FW-006
in
{
  networking.firewall.trustedInterfaces = value;
}
