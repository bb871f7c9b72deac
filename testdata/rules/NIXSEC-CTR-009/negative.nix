{ lib, ... }:
{
  options.my.caps = lib.mkOption {
    type = lib.types.attrs;
    example = { SYS_ADMIN = true; };
  };
  virtualisation.oci-containers.containers.web = {
    image = "nginx:1.27";
    # capabilities.SYS_ADMIN = true;
    capabilities = { NET_RAW = false; SYS_ADMIN = null; CHOWN = true; };
    extraOptions = [ "--cap-drop=ALL" "--cap-add=NET_BIND_SERVICE" "--cap-drop" "SYS_ADMIN" ];
  };
  virtualisation.vmVariant.virtualisation.oci-containers.containers.test.capabilities.SYS_ADMIN = true;
}
