{ pkgs, ... }:
let
  hardening = {
    User = "a";
    RestrictAddressFamilies = [ "AF_UNIX" "AF_INET" "AF_INET6" ];
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-007
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      RestrictAddressFamilies = [ "AF_UNIX" "AF_PACKET" ];
    };
  };
}
