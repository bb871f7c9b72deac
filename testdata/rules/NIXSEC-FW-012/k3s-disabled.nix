# k3s switched off for certain: the host's own forwarding is unfiltered.
{ lib, ... }:
{
  networking.nat.enable = true; # expect: NIXSEC-FW-012
  services.k3s.enable = lib.mkForce false;
}
