{ modulesPath, ... }:
{
  # An installer image is a throwaway system.
  imports = [ "${modulesPath}/installer/cd-dvd/installation-cd-minimal.nix" ];
  virtualisation.docker.enable = true;
  users.users.nixos.extraGroups = [ "docker" ];
}
