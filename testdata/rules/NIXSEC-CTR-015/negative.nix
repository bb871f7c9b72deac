{ lib, ... }:
{
  options.my.ports = lib.mkOption {
    type = lib.types.listOf lib.types.str;
    example = [ "8080:80" ];
  };
  virtualisation.oci-containers.containers.web = {
    image = "nginx:1.27";
    # ports = [ "8080:80" ];
    ports = [ "127.0.0.1:8080:80" "[::1]:8443:443" "10.100.0.1:9000:9000" "127.0.0.1::53/udp" ];
    extraOptions = [ "--publish=127.0.0.1:3000:3000" "--label" "-p" ];
  };
  # Rootless podman publishes through a user-space forwarder the firewall sees.
  virtualisation.oci-containers.backend = "podman";
  virtualisation.oci-containers.containers.rootless = {
    image = "example/app:1.0";
    podman.user = "app";
    ports = [ "8080:80" ];
  };
  virtualisation.vmVariant.virtualisation.oci-containers.containers.test.ports = [ "8080:80" ];
}
