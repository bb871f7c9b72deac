{ lib, ... }:
{
  networking.firewall.logRefusedConnections = false; # expect: NIXSEC-FW-009
}
