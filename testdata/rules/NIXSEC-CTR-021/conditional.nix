{ config, lib, ... }:
let
  on = true;
in
{
  virtualisation.docker.enable = lib.mkIf config.dev.enable (lib.mkDefault on); # expect: NIXSEC-CTR-021 (possible)
}
