{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    networking.firewall.rejectPackets = true;
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
