{ ... }:
{
  services.redis.servers.cache = {
    enable = true;
    port = 6380;
    openFirewall = true; # expect: NIXSEC-FW-013
  };
  services.jellyfin = {
    enable = true;
    openFirewall = true; # expect: NIXSEC-FW-013
  };
}
