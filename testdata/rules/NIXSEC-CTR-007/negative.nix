{ lib, ... }:
{
  options.my.flags = lib.mkOption {
    type = lib.types.listOf lib.types.str;
    example = [ "--capability=all" ];
  };
  # containers.old.extraFlags = [ "--capability=all" ];
  containers.web.extraFlags = [
    "--drop-capability=CAP_SYS_ADMIN"
    "--bind-ro=/etc:/host-etc"
    "--tmpfs=/var"
    "--bind=/srv/data:/data"
    "--system-call-filter=~@mount"
    "--private-users=pick"
    "--setenv" "--capability=all"
  ];
  virtualisation.vmVariant.containers.test.extraFlags = [ "--capability=all" ];
}
