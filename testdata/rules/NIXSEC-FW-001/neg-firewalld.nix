{ ... }:
{
  services.firewalld.enable = true;
  networking.firewall.enable = false;
}
