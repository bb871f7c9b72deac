{ lib, ... }:
{
  config = lib.mkIf false {
    networking.firewall.rejectPackets = true;
  };
}
