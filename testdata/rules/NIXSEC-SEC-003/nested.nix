{ config, lib, pkgs, ... }:
{
  services.redis.servers.cache.enable = true;
  services = {
    redis = {
      servers = {
        cache = {
          requirePass = "s3cret-redis-pass"; # expect: NIXSEC-SEC-003
        };
      };
    };
  };
}
