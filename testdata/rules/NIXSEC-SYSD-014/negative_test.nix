{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "redis";
  nodes.machine = { lib, ... }: {
    services.redis.servers.main.enable = true;
    systemd.services.redis-main.serviceConfig.ProtectSystem = lib.mkForce false;
  };
  testScript = ''
    machine.wait_for_unit("redis-main.service")
  '';
}
