{ ... }:
{
  boot.isContainer = true;
  networking.firewall.enable = false;
}
