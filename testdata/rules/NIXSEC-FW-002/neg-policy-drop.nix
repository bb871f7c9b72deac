{ ... }:
{
  networking.firewall.enable = false;
  networking.nftables = {
    enable = true;
    ruleset = ''
      table inet filter {
        set allowed { type ipv4_addr; elements = { 10.0.0.1, 10.0.0.2 } }
        chain input {
          type filter hook input priority 0
          policy drop
          ip saddr @allowed tcp dport 22 accept
        }
      }
    '';
  };
}
