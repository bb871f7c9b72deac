{ ... }:
{
  imports = [ ./docker.nix ];
  virtualisation.docker.enable = true;
}
