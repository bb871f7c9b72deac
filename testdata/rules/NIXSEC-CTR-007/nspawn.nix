{ lib, ... }:
{
  systemd.nspawn.legacy = {
    execConfig = {
      Capability = "CAP_SYS_ADMIN CAP_NET_BIND_SERVICE"; # expect: NIXSEC-CTR-007
      PrivateUsers = false; # expect: NIXSEC-CTR-007
    };
    filesConfig.Bind = [
      "/srv/data:/data"
      "/etc:/host-etc" # expect: NIXSEC-CTR-007
    ];
  };
  systemd.nspawn.safe = {
    execConfig = { Capability = "CAP_NET_BIND_SERVICE"; PrivateUsers = "pick"; };
    filesConfig.BindReadOnly = [ "/etc:/host-etc" ];
  };
}
