{ ... }:
{
  services.redis.servers."" = {
    enable = true;
    bind = "10.0.0.5"; # expect: NIXSEC-SVC-001 (possible)
  };
}
