{
  virtualisation.oci-containers.containers.redis = {
    image = "redis:7.4";
    ports = [ "6379:6379" ]; # expect: NIXSEC-CTR-015
  };
}
