{
  virtualisation.podman.enable = true; # expect: NIXSEC-CTR-023
}
