{ lib, ... }:
{
  virtualisation.docker.enable = lib.mkForce true; # expect: NIXSEC-CTR-021
}
