{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    networking.firewall.autoLoadConntrackHelpers = true;
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
