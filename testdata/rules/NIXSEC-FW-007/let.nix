{ config, lib, ... }:
let
  value = false;
in
{
  networking.firewall.checkReversePath = value; # expect: NIXSEC-FW-007
}
