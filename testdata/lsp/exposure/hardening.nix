{ lib, ... }:
{
  networking.firewall.enable = true;
  networking.firewall.allowPing = lib.mkDefault false;
}
