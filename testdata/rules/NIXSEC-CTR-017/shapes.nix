{ config, lib, ... }:
with lib;
let
  img = "ghcr.io/example/app";
in
{
  virtualisation.oci-containers.containers = {
    web = {
      image = "nginx:latest"; # expect: NIXSEC-CTR-017
    };
    pinnedTag = {
      image = "docker.io/library/redis:7.4"; # expect: NIXSEC-CTR-017
      pull = "always";
    };
  };
  virtualisation.oci-containers.containers.forced.image = mkForce "registry.example.com:5000/team/tool"; # expect: NIXSEC-CTR-017
  virtualisation.oci-containers.containers.dbg = mkIf config.debug.enable {
    image = mkDefault "busybox"; # expect: NIXSEC-CTR-017 (possible)
  };
  virtualisation.oci-containers.containers.app.image = img; # expect: NIXSEC-CTR-017
}
