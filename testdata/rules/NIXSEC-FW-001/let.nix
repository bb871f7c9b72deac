{ config, lib, ... }:
let
  value = false;
in
{
  networking.firewall.enable = value; # expect: NIXSEC-FW-001
}
