{ lib, ... }:
{
  options.my.caps = lib.mkOption {
    type = lib.types.listOf lib.types.str;
    example = [ "CAP_SYS_ADMIN" ];
  };
  # containers.old.additionalCapabilities = [ "CAP_SYS_ADMIN" ];
  containers.web.additionalCapabilities = [ "CAP_NET_BIND_SERVICE" "CAP_CHOWN" ];
  containers.vpn = {
    privateNetwork = true;
    additionalCapabilities = [ "CAP_NET_ADMIN" ];
  };
  containers.computed.additionalCapabilities = lib.optional false "CAP_SYS_ADMIN";
  virtualisation.vmVariant.containers.test.additionalCapabilities = [ "CAP_SYS_ADMIN" ];
}
