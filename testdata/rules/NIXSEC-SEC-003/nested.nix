{ config, lib, pkgs, ... }:
{
  services = {
    redis = {
      servers = {
        cache = {
          enable = true;
          requirePass = "s3cret-redis-pass"; # expect: NIXSEC-SEC-003
        };
      };
    };
  };
}
