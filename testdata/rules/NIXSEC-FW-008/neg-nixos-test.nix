{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    networking.firewall.allowPing = true;
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
