{ config, lib, ... }:
let
  inherit (lib) mkForce;
  mkForce = x: x; # expect: NIXSEC-SYN-002
in
{
  networking.firewall.enable = mkForce true;
}
