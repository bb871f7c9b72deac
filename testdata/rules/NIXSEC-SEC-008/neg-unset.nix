{
  services.grafana.enable = true;
  services.grafana.settings.server.http_port = 3000;
}
