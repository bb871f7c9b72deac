{
  virtualisation.docker.enable = true; # expect: NIXSEC-CTR-021
}
