{ config, lib, pkgs, ... }:
{
  config = lib.mkIf config.profiles.legacy.enable {
    services.redis.servers.cache.enable = true;
    services.redis.servers.cache.requirePass = lib.mkDefault "s3cret-redis-pass"; # expect: NIXSEC-SEC-003 (possible)
  };
}
