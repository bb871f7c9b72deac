{ config, lib, ... }:
with lib;
let
  hostPid = "--pid=host";
in
{
  virtualisation.oci-containers.containers = {
    exporter = {
      image = "prom/node-exporter:v1.8.2";
      extraOptions = [
        "--network=host" # expect: NIXSEC-CTR-010
        "--pid" # expect: NIXSEC-CTR-010
        "host"
      ];
    };
  };
  virtualisation.oci-containers.containers.ipc.extraOptions = mkForce [ "--ipc=host" ]; # expect: NIXSEC-CTR-010
  virtualisation.oci-containers.containers.dbg = mkIf config.debug.enable {
    extraOptions = mkDefault [ "--userns=host" ]; # expect: NIXSEC-CTR-010 (possible)
  };
  virtualisation.oci-containers.containers.top.extraOptions = [ hostPid ]; # expect: NIXSEC-CTR-010
  virtualisation.oci-containers.containers.legacy.extraOptions = [ "--net=host" ]; # expect: NIXSEC-CTR-010
  virtualisation.oci-containers.containers.netlist.networks = [ "host" ]; # expect: NIXSEC-CTR-010
}
