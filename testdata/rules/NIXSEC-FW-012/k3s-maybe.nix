# k3s only under a condition nixsec cannot resolve: possible.
{ config, lib, ... }:
{
  networking.nat.enable = true; # expect: NIXSEC-FW-012 (possible)
  services.k3s.enable = lib.mkIf config.cluster.member true;
}
