{
  docker-containers.old.image = "example/old"; # expect: NIXSEC-CTR-017
}
