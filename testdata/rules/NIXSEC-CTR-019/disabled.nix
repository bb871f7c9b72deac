{
  virtualisation.docker.enable = false;
  virtualisation.docker.listenOptions = [ "0.0.0.0:2375" ];
}
