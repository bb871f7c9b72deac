{ config, ... }:
{
  networking.firewall = {
    allowedTCPPorts = [
      80
      5432 # expect: NIXSEC-FW-005
      config.services.grafana.settings.server.http_port
      8080 # expect: NIXSEC-FW-005 (possible)
    ];
    allowedUDPPorts = [ 53 161 ]; # expect: NIXSEC-FW-005
  };
}
