{ ... }:
{
  services.mysql = {
    enable = true;
    settings.mysqld.skip-networking = true;
  };
  networking.firewall.allowedTCPPorts = [ 3306 ];
}
