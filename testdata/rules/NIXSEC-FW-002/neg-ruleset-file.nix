{ ... }:
{
  networking.firewall.enable = false;
  networking.nftables = {
    enable = true;
    rulesetFile = ./host.nft;
  };
}
