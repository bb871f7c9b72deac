{ config, lib, ... }:
with lib;
let
  lab = "registry.lab:5000";
in
{
  virtualisation.docker = {
    enable = true; # expect: NIXSEC-CTR-020
    daemon.settings = {
      "insecure-registries" = [
        "registry.lan:5000" # expect: NIXSEC-CTR-020
        lab # expect: NIXSEC-CTR-020
      ];
    };
  };
  virtualisation.docker.daemon.settings.iptables = mkForce false; # expect: NIXSEC-CTR-020
  virtualisation.docker.daemon.settings."seccomp-profile" = mkIf config.debug.enable (mkDefault "unconfined"); # expect: NIXSEC-CTR-020 (possible)
  virtualisation.docker.daemon.settings.icc = true; # expect: NIXSEC-CTR-020
  virtualisation.docker.daemon.settings."no-new-privileges" = false; # expect: NIXSEC-CTR-020
}
