{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    services.mongodb.enable = true;
    services.mongodb.bind_ip = "0.0.0.0";
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
