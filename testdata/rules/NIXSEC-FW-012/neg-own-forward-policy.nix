{ ... }:
{
  networking.nat.enable = true;
  networking.nftables = {
    enable = true;
    tables.router = {
      family = "inet";
      content = ''
        chain forward {
          type filter hook forward priority 0; policy drop;
          iifname "lan0" oifname "wan0" accept
          ct state established,related accept
        }
      '';
    };
  };
}
