{ lib, ... }:
{
  options.my.user = lib.mkOption {
    type = lib.types.str;
    example = "root";
  };
  virtualisation.oci-containers.backend = "podman";
  virtualisation.oci-containers.containers = {
    web = {
      image = "nginx:1.27";
      # user = "root";
      user = "1000:1000";
    };
    nobody = {
      image = "example/app:1.0";
      user = "nobody";
      extraOptions = [ "--label" "--user=0" ];
    };
    rootless = {
      image = "example/app:1.0";
      podman.user = "app";
    };
    computed = {
      image = "example/app:1.0";
      user = lib.head [ "1000" ];
    };
  };
  virtualisation.vmVariant.virtualisation.oci-containers.containers.test = {
    image = "example/test:1";
    user = "root";
  };
}
