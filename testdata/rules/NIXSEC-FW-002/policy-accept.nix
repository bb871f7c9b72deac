{ ... }:
{
  networking.firewall.enable = false;
  networking.nftables = {
    enable = true;
    ruleset = ''
      table inet filter {
        chain input {
          type filter hook input priority 0; policy accept; # expect: NIXSEC-FW-002
          iifname "lo" accept
          tcp dport 22 accept
        }
      }
    '';
  };
}
