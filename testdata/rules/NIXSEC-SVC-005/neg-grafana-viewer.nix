{ ... }:
{
  services.grafana = {
    enable = true;
    settings."auth.anonymous" = {
      enabled = true;
      org_role = "Viewer";
    };
    settings.server.http_addr = "0.0.0.0";
  };
}
