{ lib, ... }:
{
  networking.firewall.enable = false; # expect: NIXSEC-FW-001
}
