{ config, lib, ... }:
with lib;
let
  extra = ''
    lxc.cap.drop =
  '';
in
{
  virtualisation.lxc = {
    enable = true;
    defaultConfig = ''
      lxc.net.0.type = veth
      lxc.apparmor.profile = unconfined # expect: NIXSEC-CTR-025
      lxc.cgroup2.devices.allow = a # expect: NIXSEC-CTR-025
      lxc.mount.auto = proc:rw sys:rw # expect: NIXSEC-CTR-025
    '';
  };
}
