{ lib, ... }:
{
  options.my.containers = lib.mkOption {
    type = lib.types.attrs;
    example = { web.privateNetwork = false; };
  };
  # containers.old.privateNetwork = false;
  containers.web = {
    privateNetwork = true;
    hostAddress = "10.233.1.1";
    localAddress = "10.233.1.2";
  };
  containers.netns.networkNamespace = "/run/netns/vpn";
  containers.computed.privateNetwork = lib.elem "x" [ "x" ];
  virtualisation.vmVariant = {
    containers.throwaway.autoStart = true;
  };
}
