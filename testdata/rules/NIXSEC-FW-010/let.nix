{ config, lib, ... }:
let
  value = true;
in
{
  networking.firewall.rejectPackets = value; # expect: NIXSEC-FW-010
}
