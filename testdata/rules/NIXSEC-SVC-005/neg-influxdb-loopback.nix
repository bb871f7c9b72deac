{ ... }:
{
  services.influxdb = {
    enable = true;
    extraConfig.http.bind-address = "127.0.0.1:8086";
  };
}
