{ config, lib, ... }:
with lib;
let
  writable = false;
in
{
  containers = {
    web = {
      privateUsers = "pick";
      bindMounts = {
        "/host-etc" = {
          hostPath = "/etc";
          isReadOnly = false; # expect: NIXSEC-CTR-005
        };
        "/srv/data" = {
          hostPath = "/srv/data";
          isReadOnly = false; # expect: NIXSEC-CTR-005
        };
      };
    };
  };
  containers.ssh.bindMounts."/etc/ssh".isReadOnly = mkForce false; # expect: NIXSEC-CTR-005
  containers.keys = mkIf config.keys.enable {
    bindMounts."/run/secrets".isReadOnly = mkDefault false; # expect: NIXSEC-CTR-005 (possible)
  };
  containers.store.bindMounts."/nix".isReadOnly = writable; # expect: NIXSEC-CTR-005
}
