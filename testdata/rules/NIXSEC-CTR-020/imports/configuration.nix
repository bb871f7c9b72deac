{ ... }:
{
  imports = [ ./docker.nix ];
  virtualisation.docker.enable = true; # expect: NIXSEC-CTR-020
}
