{ lib, ... }:
{
  config = lib.mkIf false {
    networking.firewall.allowedTCPPorts = [ 22 6379 ];
  };
}
