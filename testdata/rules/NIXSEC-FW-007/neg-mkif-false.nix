{ lib, ... }:
{
  config = lib.mkIf false {
    networking.firewall.checkReversePath = false;
  };
}
