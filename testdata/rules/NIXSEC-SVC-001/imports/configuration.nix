{ ... }:
{
  imports = [ ./network.nix ];
  services.redis.servers.cache.enable = true;
  services.redis.servers.cache.port = 6379;
  services.redis.servers.cache.settings."protected-mode" = "no";
}
