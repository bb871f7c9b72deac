{ config, lib, ... }:
with lib;
mkMerge [
  { virtualisation.podman.dockerSocket.enable = mkForce true; } # expect: NIXSEC-CTR-022
  { virtualisation.podman.enable = true; }
]
