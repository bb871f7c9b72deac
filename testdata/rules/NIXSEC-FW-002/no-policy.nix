{ lib, ... }:
with lib;
let
  rules = ''
    table inet filter {
      chain input {
        type filter hook input priority filter # expect: NIXSEC-FW-002
        ct state established,related accept
        tcp dport { 22, 443 } accept
      }
      chain forward {
        type filter hook forward priority 0; policy drop;
      }
    }
  '';
in
{
  networking.firewall.enable = mkForce false;
  networking.nftables.enable = true;
  networking.nftables.ruleset = rules;
}
