{ config, lib, ... }:
with lib;
let
  mode = "identity";
in
{
  containers = {
    web = { # expect: NIXSEC-CTR-002
      autoStart = true;
      config = { services.nginx.enable = true; };
    };
  };
  containers.db.privateUsers = mkForce "no"; # expect: NIXSEC-CTR-002
  containers.vpn = mkIf config.services.vpn.enable {
    privateUsers = mkDefault 0; # expect: NIXSEC-CTR-002 (possible)
  };
  containers.cache.privateUsers = mode; # expect: NIXSEC-CTR-002
}
