{ lib, ... }:
{
  networking.firewall.autoLoadConntrackHelpers = true; # expect: NIXSEC-FW-011
}
