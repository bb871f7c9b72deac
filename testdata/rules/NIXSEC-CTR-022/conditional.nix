{ config, lib, ... }:
with lib;
let
  on = true;
in
{
  virtualisation.podman.dockerSocket.enable = mkIf config.ci.enable (mkDefault on); # expect: NIXSEC-CTR-022 (possible)
}
