{ config, lib, ... }:
let
  openAll = "ip saddr 0.0.0.0/0 accept"; # expect: NIXSEC-FW-003 (possible)
in
{
  config = lib.mkIf config.debug.enable {
    networking.nftables.enable = true;
    networking.firewall.extraInputRules = lib.mkDefault openAll;
  };
}
