{ ... }:
{
  networking.firewall.extraCommands = ''
    iptables -A INPUT -j ACCEPT # expect: NIXSEC-FW-003
  '';
}
