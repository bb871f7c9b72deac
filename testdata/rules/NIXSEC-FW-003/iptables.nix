{ pkgs, ... }:
{
  networking.firewall.extraCommands = ''
    # allow the monitoring host
    iptables -A nixos-fw -s 192.168.1.10 -p tcp --dport 9100 -j nixos-fw-accept
    iptables -A nixos-fw -j nixos-fw-accept # expect: NIXSEC-FW-003
    ip46tables -A nixos-fw -i lo -j nixos-fw-accept
    ${pkgs.iptables}/bin/iptables -P INPUT ACCEPT # expect: NIXSEC-FW-003
    iptables -t nat -F
    iptables -I nixos-fw -p tcp -j ACCEPT # expect: NIXSEC-FW-003
    iptables -A nixos-fw -i wg0 -j nixos-fw-accept
    iptables -A nixos-fw -i eth0 -j nixos-fw-accept # expect: NIXSEC-FW-003
  '';
}
