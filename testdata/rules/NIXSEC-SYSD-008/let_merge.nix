{ pkgs, ... }:
let
  hardening = {
    User = "a";
    RestrictNamespaces = true;
    PrivateUsers = true;
    PrivateMounts = true;
  };
in
{
  systemd.services.a = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = hardening // { Type = "simple"; };
  };
  systemd.services.b = { # expect: NIXSEC-SYSD-008
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "b";
      RestrictNamespaces = false;
      PrivateUsers = true;
      PrivateMounts = true;
    };
  };
}
