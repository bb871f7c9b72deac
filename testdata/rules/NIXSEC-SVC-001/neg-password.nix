{ ... }:
{
  services.redis.servers."" = {
    enable = true;
    bind = "0.0.0.0";
    requirePassFile = "/run/secrets/redis";
    settings."protected-mode" = "no";
  };
}
