{ ... }:
{
  networking.nftables = {
    enable = true;
    ruleset = ''
      table inet filter {
        chain input {
          type filter hook input priority 0; # expect: NIXSEC-FW-002
          tcp dport 22 accept
        }
      }
    '';
  };
}
