{ config, ... }:
{
  networking.firewall.enable = false;
  networking.nftables = {
    enable = true;
    ruleset = ''
      include "/etc/nftables/host.nft"
    '';
  };
}
