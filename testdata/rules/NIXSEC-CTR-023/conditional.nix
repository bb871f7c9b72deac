{ config, lib, ... }:
with lib;
let
  lab = "registry.lab:5000";
in
{
  virtualisation.containers.registries.insecure = mkIf config.lab.enable (mkDefault [ lab ]); # expect: NIXSEC-CTR-023 (possible)
  virtualisation.containers.policy.default = [ { type = "reject"; } ];
}
