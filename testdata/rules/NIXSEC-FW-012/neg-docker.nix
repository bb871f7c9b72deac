{ ... }:
{
  networking.nat.enable = true;
  virtualisation.docker.enable = true;
}
