{
  virtualisation.docker.enable = false;
  virtualisation.docker.daemon.settings.iptables = false;
}
