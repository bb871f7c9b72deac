{ ... }:
{
  # nginx.service comes from services.nginx: its own hardening is not in this file.
  services.nginx.enable = true;
  systemd.services.nginx.serviceConfig.ReadWritePaths = [ "/srv/www" ];
  systemd.services.nginx.serviceConfig.SupplementaryGroups = [ "acme" ];
}
