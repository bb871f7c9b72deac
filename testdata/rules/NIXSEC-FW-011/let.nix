{ config, lib, ... }:
let
  value = true;
in
{
  networking.firewall.autoLoadConntrackHelpers = value; # expect: NIXSEC-FW-011
}
