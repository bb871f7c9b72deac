{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    networking.nat.externalInterface = "eth0";
    networking.nat.enable = true;
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
