{ config, lib, ... }:
{
  config = lib.mkIf false {
    services.grafana.settings.security.secret_key = "SW2YcwTIb9zpOOhoPsMm";
  };
}
