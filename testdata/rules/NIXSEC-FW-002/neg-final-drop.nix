{ ... }:
{
  # The nftables module's own example: no policy, but a final drop rule.
  networking.firewall.enable = false;
  networking.nftables = {
    enable = true;
    ruleset = ''
      table inet filter {
        chain input {
          type filter hook input priority 0;
          iifname lo accept
          ct state {established, related} accept
          tcp dport 22 accept
          counter drop
        }
        chain output {
          type filter hook output priority 0;
          accept
        }
      }
    '';
  };
}
