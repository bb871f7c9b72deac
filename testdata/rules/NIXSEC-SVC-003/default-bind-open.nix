{ ... }:
{
  services.mysql.enable = true; # expect: NIXSEC-SVC-003
  networking.firewall.allowedTCPPorts = [ 3306 ];
}
