{ config, lib, ... }:
let
  value = false;
in
{
  networking.firewall.logRefusedConnections = value; # expect: NIXSEC-FW-009
}
