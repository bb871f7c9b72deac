{ lib, ... }:
{
  config = lib.mkIf false {
    networking.firewall.enable = false;
  };
}
