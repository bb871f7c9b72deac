{ lib, ... }:
{
  options.my.net = lib.mkOption {
    type = lib.types.str;
    example = "--network=host";
  };
  virtualisation.oci-containers.containers.web = {
    image = "nginx:1.27";
    # extraOptions = [ "--network=host" ];
    extraOptions = [ "--network=bridge" "--network" "backend" "--pid=container:db" "--hostname" "host" ];
    networks = [ "backend" ];
    ports = [ "127.0.0.1:8080:80" ];
  };
  virtualisation.vmVariant.virtualisation.oci-containers.containers.test.extraOptions = [ "--network=host" ];
}
