{ lib, ... }:
{
  options.my.userns = lib.mkOption {
    type = lib.types.str;
    default = "no";
    example = "identity";
  };
  # containers.old.privateUsers = "no";
  containers.web = {
    privateUsers = "pick";
    config = { services.nginx.enable = true; };
  };
  containers.ranged.privateUsers = 65536;
  containers.computed.privateUsers = lib.head [ "pick" ];
  virtualisation.vmVariant.containers.throwaway.autoStart = true;
}
