# Containers for the web server: one NixOS container and one OCI container.
{ config, lib, pkgs, ... }:

{
  containers.db = {
    autoStart = true;
    privateNetwork = true;
    privateUsers = "pick"; # container root is not host root
    hostAddress = "192.168.100.10";
    localAddress = "192.168.100.11";
    config = { config, pkgs, ... }: {
      services.postgresql = {
        enable = true;
        ensureDatabases = [ "shop" ];
      };
      system.stateVersion = "24.05";
    };
  };

  virtualisation.oci-containers = {
    backend = "podman";
    containers.monitoring-agent = {
      image = "docker.io/example/agent:1.4";
      volumes = [ "/var/run/podman/podman.sock:/var/run/docker.sock" ];
      # MISTAKE: a privileged container can take over the host.
      extraOptions = [ "--privileged" "--pid=host" ];
    };
  };
}
