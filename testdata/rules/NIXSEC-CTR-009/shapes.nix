{ config, lib, ... }:
with lib;
let
  caps = [ "--cap-add=CAP_SYS_ADMIN" ];
in
{
  virtualisation.oci-containers.containers = {
    app = {
      image = "example/app:1.0";
      capabilities = {
        NET_BIND_SERVICE = true;
        SYS_ADMIN = true; # expect: NIXSEC-CTR-009
        NET_RAW = false;
      };
    };
  };
  virtualisation.oci-containers.containers.tracer.capabilities.SYS_PTRACE = mkForce true; # expect: NIXSEC-CTR-009
  virtualisation.oci-containers.containers.dbg = mkIf config.debug.enable {
    capabilities.CAP_SYS_MODULE = mkDefault true; # expect: NIXSEC-CTR-009 (possible)
  };
  virtualisation.oci-containers.containers.mounter.extraOptions = caps; # expect: NIXSEC-CTR-009
  virtualisation.oci-containers.containers.all.extraOptions = [
    "--cap-drop=ALL"
    "--cap-add" # expect: NIXSEC-CTR-009
    "ALL"
  ];
}
