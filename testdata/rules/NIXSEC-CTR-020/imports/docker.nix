{
  virtualisation.docker.daemon.settings."insecure-registries" = [ "10.0.0.5:5000" ]; # expect: NIXSEC-CTR-020
}
