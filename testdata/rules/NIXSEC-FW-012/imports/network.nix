{ lib, ... }:
{
  networking.nat.enable = true; # expect: NIXSEC-FW-012
}
