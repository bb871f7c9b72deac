{ ... }:
{
  imports = [ ./podman.nix ];
  virtualisation.podman.enable = true;
}
