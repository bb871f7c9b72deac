{
  # The rootful daemon serves system containers.
  virtualisation.docker.enable = true;
  virtualisation.oci-containers.backend = "docker";
  virtualisation.oci-containers.containers.app.image = "example/app:1.0";
}
