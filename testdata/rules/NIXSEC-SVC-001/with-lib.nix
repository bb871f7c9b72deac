{ config, lib, ... }:
with lib;
{
  services.redis.servers.cache.enable = true;
  services.redis.servers.cache.port = 6379;
  services.redis.servers.cache.settings."protected-mode" = "no";
  services.redis.servers.cache.bind = mkOverride 90 ("0.0.0.0"); # expect: NIXSEC-SVC-001
}
