{ config, lib, ... }:
with lib;
let
  adminGroups = [ "networkmanager" "libvirtd" ];
in
{
  virtualisation.docker.enable = true;
  virtualisation.libvirtd.enable = true;
  virtualisation.incus.enable = mkIf config.lab.enable true;
  users.users = {
    alice = {
      isNormalUser = true;
      extraGroups = [
        "video"
        "docker" # expect: NIXSEC-CTR-018
      ];
    };
  };
  users.users.bob.extraGroups = mkForce [ "disk" ]; # expect: NIXSEC-CTR-018
  users.users.carol = mkIf config.lab.enable {
    extraGroups = mkDefault [ "incus-admin" ]; # expect: NIXSEC-CTR-018 (possible)
  };
  users.users.dave.extraGroups = adminGroups; # expect: NIXSEC-CTR-018
  users.users.erin.extraGroups = [ "wheel" "docker" ]; # expect: NIXSEC-CTR-018
  users.groups.docker.members = [ "frank" ]; # expect: NIXSEC-CTR-018
}
