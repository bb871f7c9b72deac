{ config, lib, pkgs, ... }:
{
  services.grafana.enable = true;
  services.grafana.settings.security = {
    secret_key = lib.mkForce "SW2YcwTIb9zpOOhoPsMm"; # expect: NIXSEC-SEC-008
  };
}
