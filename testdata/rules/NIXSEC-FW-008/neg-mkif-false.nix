{ lib, ... }:
{
  config = lib.mkIf false {
    networking.firewall.allowPing = true;
  };
}
