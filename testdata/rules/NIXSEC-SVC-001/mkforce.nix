{ lib, ... }:
{
  config = lib.mkMerge [
    {
      services.redis.servers.cache.enable = true;
      services.redis.servers.cache.port = 6379;
      services.redis.servers.cache.settings."protected-mode" = "no";
    }
    { services.redis.servers.cache.bind = "127.0.0.1"; }
    { services.redis.servers.cache.bind = lib.mkForce "0.0.0.0"; } # expect: NIXSEC-SVC-001
  ];
}
