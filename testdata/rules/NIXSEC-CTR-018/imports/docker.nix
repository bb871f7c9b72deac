{
  virtualisation.docker.enable = true;
}
