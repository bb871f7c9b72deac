{
  services.grafana.enable = true;
  services.grafana.settings.security.secret_key = "$__file{/run/secrets/grafana-secret-key}";
}
