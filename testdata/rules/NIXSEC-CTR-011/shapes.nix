{ config, lib, ... }:
with lib;
let
  sock = "/var/run/docker.sock:/var/run/docker.sock:ro";
in
{
  virtualisation.oci-containers.containers = {
    traefik = {
      image = "traefik:v3.1";
      volumes = [
        "/etc/traefik:/etc/traefik:ro"
        "/run/podman/podman.sock:/var/run/docker.sock" # expect: NIXSEC-CTR-011
      ];
    };
  };
  virtualisation.oci-containers.containers.ci.volumes = mkForce [ "/nix/var/nix/daemon-socket/socket:/nix/var/nix/daemon-socket/socket" ]; # expect: NIXSEC-CTR-011
  virtualisation.oci-containers.containers.dbg = mkIf config.debug.enable {
    extraOptions = mkDefault [ "-v" "/run/docker.sock:/run/docker.sock" ]; # expect: NIXSEC-CTR-011 (possible)
  };
  virtualisation.oci-containers.containers.portainer.volumes = [ sock ]; # expect: NIXSEC-CTR-011
  containers.builder.bindMounts."/run/docker.sock" = { # expect: NIXSEC-CTR-011
    isReadOnly = true;
  };
  containers.virt.bindMounts."/sock".hostPath = "/run/libvirt/libvirt-sock"; # expect: NIXSEC-CTR-011
}
