{ lib, ... }:
{
  config = lib.mkIf false {
    networking.firewall.autoLoadConntrackHelpers = true;
  };
}
