{ ... }:
{
  containers.cache.config = { ... }: {
    services.redis.servers."" = {
      enable = true;
      bind = "0.0.0.0"; # expect: NIXSEC-SVC-001
      settings."protected-mode" = false;
    };
  };
}
