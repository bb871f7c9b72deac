{ config, lib, pkgs, ... }:
{
  networking.firewall.checkReversePath = false; # expect: NIXSEC-FW-007
}
