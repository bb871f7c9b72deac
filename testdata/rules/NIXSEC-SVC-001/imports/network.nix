{ lib, ... }:
{
  services.redis.servers.cache.bind = "0.0.0.0"; # expect: NIXSEC-SVC-001
}
