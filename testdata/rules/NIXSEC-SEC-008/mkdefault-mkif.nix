{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.profiles.legacy.enable {
    services.grafana.enable = true;
    services.grafana.settings.security.secret_key = lib.mkDefault "SW2YcwTIb9zpOOhoPsMm"; # expect: NIXSEC-SEC-008 (possible)
  };
}
