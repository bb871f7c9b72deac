{ lib, ... }:
{
  options.my.groups = lib.mkOption {
    type = lib.types.listOf lib.types.str;
    example = [ "docker" ];
  };
  # users.users.alice.extraGroups = [ "docker" ];
  virtualisation.docker.enable = false;
  virtualisation.docker.rootless.enable = true;
  users.users.alice.extraGroups = [ "docker" "wheel" "video" "lxd" "libvirtd" ];
  users.users.bob.description = "docker";
  virtualisation.vmVariant.users.users.test.extraGroups = [ "disk" ];
}
