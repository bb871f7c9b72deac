{ config, lib, ... }:
with lib;
let
  off = false;
in
{
  containers = {
    web = { # expect: NIXSEC-CTR-001
      autoStart = true;
      config = { services.nginx.enable = true; };
    };
  };
  containers.db.privateNetwork = mkForce false; # expect: NIXSEC-CTR-001
  containers.vpn = mkIf config.services.vpn.enable { # expect: NIXSEC-CTR-001 (possible)
    enableTun = mkDefault true;
  };
  containers.cache.privateNetwork = off; # expect: NIXSEC-CTR-001
}
