{ config, lib, ... }:
let
  value = true;
in
{
  networking.firewall.allowPing = value; # expect: NIXSEC-FW-008
}
