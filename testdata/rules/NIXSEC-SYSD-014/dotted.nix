{ lib, ... }:
{
  services.redis.servers.main.enable = true;
  # The redis module sets ProtectSystem = "strict"; this throws it away.
  systemd.services.redis-main.serviceConfig.ProtectSystem = lib.mkForce false; # expect: NIXSEC-SYSD-014
  systemd.services.redis-main.serviceConfig.ReadWritePaths = [ "/srv/redis" ];
}
