{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    networking.firewall.logRefusedConnections = false;
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
