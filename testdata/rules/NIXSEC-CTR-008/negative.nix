{ lib, ... }:
{
  options.my.runOptions = lib.mkOption {
    type = lib.types.str;
    example = "--privileged";
  };
  virtualisation.oci-containers.containers.web = {
    image = "nginx:1.27";
    # extraOptions = [ "--privileged" ];
    privileged = false;
    extraOptions = [ "--privileged=false" "--label" "--privileged" "--network=bridge" ];
    cmd = [ "--privileged" ];
  };
  virtualisation.oci-containers.containers.computed.privileged = lib.elem "x" [ "y" ];
  virtualisation.vmVariant = {
    virtualisation.oci-containers.containers.test = {
      image = "example/test:1";
      privileged = true;
    };
  };
}
