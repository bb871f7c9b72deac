{ ... }:
{
  # protected mode (on by default) refuses remote clients while no bind is set
  services.redis.servers."" = {
    enable = true;
    bind = null;
  };
}
