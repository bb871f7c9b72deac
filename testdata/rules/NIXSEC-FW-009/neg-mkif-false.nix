{ lib, ... }:
{
  config = lib.mkIf false {
    networking.firewall.logRefusedConnections = false;
  };
}
