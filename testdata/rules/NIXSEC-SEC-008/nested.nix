{ config, lib, pkgs, ... }:
{
  services.grafana.enable = true;
  services = {
    grafana = {
      settings = {
        security = {
          secret_key = "SW2YcwTIb9zpOOhoPsMm"; # expect: NIXSEC-SEC-008
        };
      };
    };
  };
}
