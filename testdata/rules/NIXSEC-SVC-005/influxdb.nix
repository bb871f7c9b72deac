{ ... }:
{
  services.influxdb.enable = true; # expect: NIXSEC-SVC-005
  networking.firewall.allowedTCPPorts = [ 8086 ];
}
