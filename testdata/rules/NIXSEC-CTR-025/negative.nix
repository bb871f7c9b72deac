{ lib, ... }:
{
  options.my.lxc = lib.mkOption {
    type = lib.types.lines;
    example = "lxc.apparmor.profile = unconfined";
  };
  virtualisation.lxc = {
    enable = true;
    # defaultConfig = "lxc.apparmor.profile = unconfined";
    defaultConfig = ''
      # lxc.apparmor.profile = unconfined
      lxc.net.0.type = veth
      lxc.apparmor.profile = generated
      lxc.cap.drop = sys_module mac_admin
      lxc.mount.auto = proc:mixed sys:ro cgroup:mixed
    '';
    systemConfig = ''
      lxc.lxcpath = /var/lib/lxc
    '';
  };
}
