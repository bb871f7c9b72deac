{ ... }:
{
  imports = [ ./nftables.nix ];
  networking.firewall.enable = false;
}
