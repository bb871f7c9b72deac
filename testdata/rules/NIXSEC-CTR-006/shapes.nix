{ config, lib, ... }:
with lib;
let
  tun = true;
in
{
  containers = {
    vpn = {
      enableTun = true; # expect: NIXSEC-CTR-006
    };
  };
  containers.gw.enableTun = mkForce true; # expect: NIXSEC-CTR-006
  containers.wg = mkIf config.wg.enable {
    enableTun = mkDefault true; # expect: NIXSEC-CTR-006 (possible)
  };
  containers.ovpn.enableTun = tun; # expect: NIXSEC-CTR-006
  containers.private = {
    privateNetwork = true;
    enableTun = true; # expect: NIXSEC-CTR-006
  };
}
