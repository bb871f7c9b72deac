{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    services.mysql.enable = true;
    services.mysql.settings.mysqld."bind-address" = "0.0.0.0";
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
