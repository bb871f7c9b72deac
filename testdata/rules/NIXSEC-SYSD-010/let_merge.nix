{ pkgs, ... }:
let
  hardening = {
    User = "a";
    CapabilityBoundingSet = [ "CAP_NET_BIND_SERVICE" ];
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-010
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      AmbientCapabilities = [ "CAP_SYS_ADMIN" ];
      CapabilityBoundingSet = [ "CAP_NET_BIND_SERVICE" ];
    };
  };
}
