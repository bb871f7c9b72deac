{ config, lib, ... }:
let
  value = true;
in
{
  networking.nat.externalInterface = "eth0";
  networking.nat.enable = value; # expect: NIXSEC-FW-012
}
