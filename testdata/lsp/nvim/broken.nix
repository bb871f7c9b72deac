{ config, pkgs, ... }:
{
  networking.firewall.enable = true
  services.openssh.enable = true;
}
