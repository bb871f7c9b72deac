{ config, lib, ... }:
{
  services.grafana.enable = true;
  services.grafana.settings.security.secret_key = "SW2YcwTIb9zpOOhoPsMm";
  services.grafana.settings.security.secret_key = lib.mkForce null;
}
