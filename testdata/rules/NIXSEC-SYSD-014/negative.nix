{ lib, pkgs, ... }:
{
  services.redis.servers.main.enable = true;
  # Forcing a directive to its hardened value is fine.
  systemd.services.redis-main.serviceConfig.ProtectSystem = lib.mkForce "strict";
  systemd.services.redis-main.serviceConfig.PrivateDevices = lib.mkForce true;
  systemd.services.redis-main.serviceConfig.SystemCallFilter = lib.mkForce [ "@system-service" "~@privileged" "~@resources" ];
  systemd.services.redis-main.serviceConfig.CapabilityBoundingSet = lib.mkForce [ "CAP_NET_BIND_SERVICE" ];
  systemd.services.redis-main.serviceConfig.RestrictAddressFamilies = lib.mkForce [ "AF_UNIX" "AF_INET" ];
  # Extending the module's list instead of replacing it.
  systemd.services.redis-main.serviceConfig.SystemCallFilter = [ "@resources" ];
  # A plain weak value on a hand-written service is for the other rules.
  systemd.services.api = {
    script = "exec ${pkgs.hello}/bin/hello";
    serviceConfig.ProtectSystem = lib.mkForce false;
  };
}
