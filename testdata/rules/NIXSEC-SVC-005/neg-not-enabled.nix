{ ... }:
{
  services.memcached.listen = "0.0.0.0";
  services.elasticsearch.listenAddress = "127.0.0.1";
  services.elasticsearch.enable = true;
}
