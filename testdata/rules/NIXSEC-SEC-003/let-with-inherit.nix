{ config, lib, pkgs, ... }:
with lib;
let
  requirePass = "s3cret-redis-pass";
in
{
  services.redis.servers.cache.enable = true;
  services.redis.servers.cache = mkMerge [
    { inherit requirePass; } # expect: NIXSEC-SEC-003
  ];
}
