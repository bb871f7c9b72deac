{ config, ... }:
{
  networking.firewall.extraCommands = ''
    # iptables -P INPUT ACCEPT  (commented out)
    iptables -A nixos-fw -p tcp --dport 9100 -s 10.0.0.0/8 -j nixos-fw-accept
    iptables -A nixos-fw -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
    iptables -A nixos-fw -p udp --dport ${toString config.services.foo.port} -j nixos-fw-accept
    iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE
    iptables -A nixos-fw -i tailscale0 -j nixos-fw-accept
  '';
  networking.firewall.extraInputRules = ''
    tcp dport 9100 accept
    ip6 saddr fd00::/8 accept
  '';
}
