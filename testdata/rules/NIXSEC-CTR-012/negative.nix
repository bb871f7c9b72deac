{ lib, ... }:
{
  options.my.volumes = lib.mkOption {
    type = lib.types.listOf lib.types.str;
    example = [ "/etc:/etc" ];
  };
  virtualisation.oci-containers.containers.web = {
    image = "nginx:1.27";
    # volumes = [ "/etc:/etc" ];
    volumes = [
      "/etc/ssh:/host-ssh:ro"
      "/etc/localtime:/etc/localtime:ro"
      "/var/lib/web:/data"
      "webdata:/var/lib"
      "/srv/web:/usr/share/nginx/html"
      "/home/alice/site:/site:ro"
    ];
    extraOptions = [ "--mount=type=bind,source=/etc,target=/host-etc,readonly" "--volume=/boot:/boot:ro" ];
  };
  virtualisation.vmVariant.virtualisation.oci-containers.containers.test.volumes = [ "/etc:/etc" ];
}
