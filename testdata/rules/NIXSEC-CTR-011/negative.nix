{ lib, ... }:
{
  options.my.volumes = lib.mkOption {
    type = lib.types.listOf lib.types.str;
    example = [ "/var/run/docker.sock:/var/run/docker.sock" ];
  };
  virtualisation.oci-containers.containers.web = {
    image = "nginx:1.27";
    # volumes = [ "/var/run/docker.sock:/var/run/docker.sock" ];
    volumes = [ "dockersock:/var/run/docker.sock" "/srv/web:/usr/share/nginx/html:ro" ];
    environment.DOCKER_HOST = "unix:///var/run/docker.sock";
  };
  # The module mounts the Nix daemon socket into every NixOS container anyway.
  containers.build.bindMounts."/nix/var/nix/daemon-socket".isReadOnly = true;
  virtualisation.vmVariant.virtualisation.oci-containers.containers.test.volumes = [ "/run/docker.sock:/run/docker.sock" ];
}
