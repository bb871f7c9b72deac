{ config, lib, ... }:
with lib;
{
  virtualisation.lxc.defaultConfig = mkIf config.lab.enable (mkDefault ''
    lxc.cgroup.devices.allow = a # expect: NIXSEC-CTR-025 (possible)
  '');
}
