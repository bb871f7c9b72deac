{ ... }:
{
  services.influxdb = {
    enable = true;
    extraConfig.http.auth-enabled = true;
  };
  services.influxdb2.enable = true;
}
