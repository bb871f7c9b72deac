{ config, lib, ... }:
with lib;
{
  virtualisation.docker.enable = true;
  virtualisation.docker.listenOptions = mkIf config.remote.enable (mkDefault [ "[::]:2375" ]); # expect: NIXSEC-CTR-019 (possible)
}
