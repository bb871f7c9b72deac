{ ... }:
{
  networking.firewall.allowPing = false;
}
