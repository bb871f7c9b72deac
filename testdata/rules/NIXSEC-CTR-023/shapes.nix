{ config, lib, ... }:
with lib;
let
  lab = "registry.lab:5000";
in
{
  virtualisation.containers = {
    enable = true;
    registries = {
      insecure = [
        "registry.lan:5000" # expect: NIXSEC-CTR-023
      ];
    };
    policy = {
      default = [ { type = "insecureAcceptAnything"; } ]; # expect: NIXSEC-CTR-023
      transports.docker."quay.io" = mkForce [ { type = "insecureAcceptAnything"; } ]; # expect: NIXSEC-CTR-023
    };
  };
  virtualisation.containers.registries.block = [ "docker.io" ];
}
