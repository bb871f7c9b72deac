{ ... }:
{
  services.memcached = {
    enable = true;
    listen = "0.0.0.0"; # expect: NIXSEC-SVC-005
  };
  services.etcd = {
    enable = true;
    listenClientUrls = [
      "https://0.0.0.0:2379"
      "http://0.0.0.0:2379" # expect: NIXSEC-SVC-005
    ];
  };
  services.prometheus.exporters.node = {
    enable = true;
    listenAddress = "0.0.0.0"; # expect: NIXSEC-SVC-005
  };
}
