{ config, lib, ... }:
{
  services.redis.servers.cache.enable = true;
  services.redis.servers.cache.requirePass = "s3cret-redis-pass";
  services.redis.servers.cache.requirePass = lib.mkForce null;
}
