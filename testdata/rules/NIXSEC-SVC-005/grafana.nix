{ ... }:
{
  services.grafana = {
    enable = true;
    settings."auth.anonymous" = {
      enabled = true;
      org_role = "Admin"; # expect: NIXSEC-SVC-005
    };
  };
}
