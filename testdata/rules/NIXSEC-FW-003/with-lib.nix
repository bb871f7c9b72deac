{ lib, ... }:
with lib;
{
  networking.nftables.enable = true;
  networking.firewall.extraInputRules = mkBefore ''
    tcp dport 0-65535 accept # expect: NIXSEC-FW-003
  '';
}
