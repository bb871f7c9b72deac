{ config, lib, ... }:
with lib;
{
  virtualisation.lxc.defaultConfig = mkForce "lxc.seccomp.profile ="; # expect: NIXSEC-CTR-025
}
