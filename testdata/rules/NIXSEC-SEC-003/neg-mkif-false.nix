{ config, lib, ... }:
{
  config = lib.mkIf false {
    services.redis.servers.cache.requirePass = "s3cret-redis-pass";
  };
}
