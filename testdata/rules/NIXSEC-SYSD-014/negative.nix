{ lib, pkgs, ... }:
{
  services.redis.servers.main.enable = true;
  # Forcing a directive to its hardened value is fine.
  systemd.services.redis-main.serviceConfig.ProtectSystem = lib.mkForce "strict";
  systemd.services.redis-main.serviceConfig.PrivateDevices = lib.mkForce true;
  # Extending the module's list instead of replacing it.
  systemd.services.redis-main.serviceConfig.SystemCallFilter = [ "@resources" ];
  # A plain weak value on a hand-written service is for the other rules.
  systemd.services.api = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig.ProtectSystem = lib.mkForce false;
  };
}
