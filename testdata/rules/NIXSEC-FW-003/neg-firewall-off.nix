{ ... }:
{
  networking.firewall.enable = false;
  networking.firewall.extraCommands = "iptables -P INPUT ACCEPT";
}
