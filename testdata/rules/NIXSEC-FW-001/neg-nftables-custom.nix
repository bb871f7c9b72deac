{ ... }:
{
  networking.firewall.enable = false;
  networking.nftables = {
    enable = true;
    ruleset = ''
      table inet filter {
        chain input {
          type filter hook input priority 0; policy drop;
          iifname "lo" accept
          ct state established,related accept
          tcp dport 22 accept
        }
      }
    '';
  };
}
