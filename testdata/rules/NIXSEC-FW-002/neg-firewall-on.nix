{ ... }:
{
  networking.nftables.enable = true;
  networking.firewall.extraInputRules = ''
    ip saddr 10.0.0.0/8 tcp dport 9100 accept
  '';
  networking.nftables.tables.nat = {
    family = "ip";
    content = ''
      chain postrouting {
        type nat hook postrouting priority 100; policy accept;
      }
    '';
  };
}
