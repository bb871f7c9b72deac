{
  virtualisation.docker = {
    enable = true;
    listenOptions = [ "/run/docker.sock" "10.0.0.1:2376" ];
    daemon.settings = {
      tlsverify = true;
      tlscacert = "/etc/docker/ca.pem";
      tlscert = "/etc/docker/server.pem";
      tlskey = "/run/secrets/docker-key.pem";
    };
  };
}
