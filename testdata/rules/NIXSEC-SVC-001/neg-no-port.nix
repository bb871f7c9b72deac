{ ... }:
{
  # named servers default to port 0: no TCP listener
  services.redis.servers.sessions = {
    enable = true;
    bind = null;
    settings.protected-mode = "no";
  };
}
