{ config, lib, ... }:
with lib;
let
  noLabel = "--security-opt=label=disable";
in
{
  virtualisation.oci-containers.containers = {
    dbg = {
      image = "example/dbg:1";
      extraOptions = [
        "--security-opt" # expect: NIXSEC-CTR-014
        "seccomp=unconfined"
        "--security-opt=apparmor=unconfined" # expect: NIXSEC-CTR-014
      ];
    };
  };
  virtualisation.oci-containers.containers.sys.extraOptions = mkForce [ "--security-opt=systempaths=unconfined" ]; # expect: NIXSEC-CTR-014
  virtualisation.oci-containers.containers.nnp = mkIf config.debug.enable {
    extraOptions = mkDefault [ "--security-opt=no-new-privileges=false" ]; # expect: NIXSEC-CTR-014 (possible)
  };
  virtualisation.oci-containers.containers.selinux.extraOptions = [ noLabel ]; # expect: NIXSEC-CTR-014
  virtualisation.oci-containers.containers.label.extraOptions = [ "--security-opt" "label=disable" ]; # expect: NIXSEC-CTR-014
}
