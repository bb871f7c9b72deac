{ config, lib, pkgs, ... }:
{
  services = {
    grafana = {
      enable = true;
      settings = {
        security = {
          secret_key = "SW2YcwTIb9zpOOhoPsMm"; # expect: NIXSEC-SEC-008
        };
      };
    };
  };
}
