{ config, lib, ... }:
with lib;
let
  bindEtc = "--bind=/etc:/host-etc";
in
{
  containers = {
    ci = {
      privateUsers = "pick";
      extraFlags = [
        "--drop-capability=CAP_SYS_CHROOT"
        "--capability=all" # expect: NIXSEC-CTR-007
        "--bind" # expect: NIXSEC-CTR-007
        "/run/docker.sock"
      ];
    };
  };
  containers.legacy.extraFlags = mkForce [ "--private-users=no" ]; # expect: NIXSEC-CTR-007
  containers.dbg = mkIf config.debug.enable {
    extraFlags = mkDefault [ "--system-call-filter=@mount" ]; # expect: NIXSEC-CTR-007 (possible)
  };
  containers.cfg.extraFlags = [ bindEtc ]; # expect: NIXSEC-CTR-007
  containers.net.extraFlags = [ "--network-namespace-path=/proc/1/ns/net --tmpfs=/tmp" ]; # expect: NIXSEC-CTR-007
}
