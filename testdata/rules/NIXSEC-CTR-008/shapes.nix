{ config, lib, ... }:
with lib;
let
  priv = "--privileged";
in
{
  virtualisation.oci-containers = {
    backend = "docker";
    containers = {
      agent = {
        image = "example/agent:1.2";
        privileged = true; # expect: NIXSEC-CTR-008
      };
    };
  };
  virtualisation.oci-containers.containers.cni.privileged = mkForce true; # expect: NIXSEC-CTR-008
  virtualisation.oci-containers.containers.dbg = mkIf config.debug.enable {
    extraOptions = mkDefault [ "--privileged=true" ]; # expect: NIXSEC-CTR-008 (possible)
  };
  virtualisation.oci-containers.containers.csi.extraOptions = [
    "--pull=always"
    priv # expect: NIXSEC-CTR-008
  ];
  docker-containers.old = {
    image = "example/old:1";
    extraDockerOptions = [ "--privileged" ]; # expect: NIXSEC-CTR-008
  };
}
