{ lib, pkgs, ... }:
with lib;
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-008
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "myapp";
      PrivateUsers = true;
      PrivateMounts = true;
      RestrictNamespaces = mkForce false;
    };
  };
}
