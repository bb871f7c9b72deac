{ lib, ... }:
{
  networking.nftables.enable = true;
  networking.firewall = {
    extraInputRules = ''
      ip saddr 10.0.0.0/8 tcp dport 9100 accept
      meta l4proto tcp accept # expect: NIXSEC-FW-003
      iifname "wg0" accept
      iifname "eth0" counter accept # expect: NIXSEC-FW-003
      ct state established accept
    '';
    extraForwardRules = lib.mkForce "accept"; # expect: NIXSEC-FW-003
  };
}
