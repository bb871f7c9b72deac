{ config, lib, ... }:
{
  config = lib.mkMerge [
    {
      services.redis.servers.cache.enable = true;
      services.redis.servers.cache.port = 6379;
      services.redis.servers.cache.settings."protected-mode" = "no";
    }
    (lib.mkIf config.profiles.exposed.enable {
      services.redis.servers.cache.bind = lib.mkDefault "0.0.0.0"; # expect: NIXSEC-SVC-001 (possible)
    })
  ];
}
