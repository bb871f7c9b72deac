{ lib, pkgs, version, ... }:
{
  options.my.image = lib.mkOption {
    type = lib.types.str;
    example = "nginx:latest";
  };
  virtualisation.oci-containers.containers = {
    # web.image = "nginx:latest";
    web.image = "nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    built = {
      image = "example/built:latest";
      imageFile = pkgs.dockerTools.buildImage { name = "example/built"; tag = "latest"; };
    };
    streamed = {
      image = "example/streamed";
      imageStream = pkgs.dockerTools.streamLayeredImage { name = "example/streamed"; };
    };
    local.image = "localhost/app:dev";
    interpolated.image = "example/app:${version}";
  };
  virtualisation.vmVariant.virtualisation.oci-containers.containers.test.image = "busybox";
}
