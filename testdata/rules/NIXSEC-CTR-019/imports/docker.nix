{
  virtualisation.docker.daemon.settings.hosts = [ "tcp://0.0.0.0:2375" ]; # expect: NIXSEC-CTR-019
}
