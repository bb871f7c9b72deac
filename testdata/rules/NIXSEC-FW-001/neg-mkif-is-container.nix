{ config, lib, ... }:
{
  # A shared module: the firewall is off only when it runs as a container guest.
  networking.firewall.enable = lib.mkIf config.boot.isContainer false;
}
