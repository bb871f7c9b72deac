{ lib, ... }:
{
  options.my.opts = lib.mkOption {
    type = lib.types.listOf lib.types.str;
    example = [ "--security-opt=seccomp=unconfined" ];
  };
  virtualisation.oci-containers.containers.web = {
    image = "nginx:1.27";
    # extraOptions = [ "--security-opt=seccomp=unconfined" ];
    extraOptions = [
      "--security-opt=no-new-privileges"
      "--security-opt=seccomp=/etc/containers/seccomp.json"
      "--security-opt" "label=type:container_t"
      "--label" "--security-opt=apparmor=unconfined"
    ];
  };
  virtualisation.vmVariant.virtualisation.oci-containers.containers.test.extraOptions = [ "--security-opt=seccomp=unconfined" ];
}
