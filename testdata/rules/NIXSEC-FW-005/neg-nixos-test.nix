{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    networking.firewall.allowedTCPPorts = [ 22 6379 ];
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
