{ config, lib, ... }:
with lib;
let
  ptrace = "CAP_SYS_PTRACE";
in
{
  containers = {
    builder = {
      privateUsers = "pick";
      additionalCapabilities = [
        "CAP_NET_BIND_SERVICE"
        "CAP_SYS_ADMIN" # expect: NIXSEC-CTR-003
      ];
    };
  };
  containers.nested.additionalCapabilities = mkForce [ "all" ]; # expect: NIXSEC-CTR-003
  containers.dbg = mkIf config.debug.enable {
    additionalCapabilities = mkDefault [ "CAP_DAC_READ_SEARCH" ]; # expect: NIXSEC-CTR-003 (possible)
  };
  containers.tracer.additionalCapabilities = [ ptrace ]; # expect: NIXSEC-CTR-003
}
