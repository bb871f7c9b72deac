{
  virtualisation.podman.dockerSocket.enable = true; # expect: NIXSEC-CTR-022
}
