{ config, lib, pkgs, ... }:
with lib;
let
  secret_key = "SW2YcwTIb9zpOOhoPsMm";
in
{
  services.grafana.enable = true;
  services.grafana.settings.security = mkMerge [
    { inherit secret_key; } # expect: NIXSEC-SEC-008
  ];
}
