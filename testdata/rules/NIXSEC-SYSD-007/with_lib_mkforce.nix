{ lib, pkgs, ... }:
with lib;
{
  systemd.services.myapp = { # expect: NIXSEC-SYSD-007
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig = {
      User = "myapp";
      RestrictAddressFamilies = mkForce [ "AF_UNIX" "AF_PACKET" ];
    };
  };
}
