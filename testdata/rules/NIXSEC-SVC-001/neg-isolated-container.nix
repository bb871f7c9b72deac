{ ... }:
{
  containers.cache = {
    privateNetwork = true;
    config = { ... }: {
      services.redis.servers."" = {
        enable = true;
        bind = "0.0.0.0";
        settings."protected-mode" = "no";
      };
    };
  };
}
