{ config, lib, pkgs, ... }:
let
  cfg = config.services.nginx;
in
{
  networking.firewall.allowedTCPPorts = lib.mkIf cgf.enable [ 80 443 ]; # expect: NIXSEC-SYN-003
}
