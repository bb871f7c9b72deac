{ lib, ... }:
{
  config = lib.mkIf false {
    networking.firewall.trustedInterfaces = [ "eth0" ];
  };
}
