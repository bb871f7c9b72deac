{ ... }:
{
  services.redis.servers.old = {
    enable = false;
    port = 6379;
    bind = "0.0.0.0";
    settings."protected-mode" = "no";
  };
}
