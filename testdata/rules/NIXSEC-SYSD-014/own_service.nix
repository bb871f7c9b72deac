{ lib, pkgs, ... }:
{
  # A hand-written service whose hardening another module of this
  # configuration forces off.
  systemd.services.api = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig.ProtectSystem = "strict";
  };
  systemd.services.api.serviceConfig.ProtectSystem = lib.mkForce "full"; # expect: NIXSEC-SYSD-014
}
