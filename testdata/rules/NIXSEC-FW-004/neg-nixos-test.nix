{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    networking.firewall.allowedTCPPortRanges = [ { from = 1000; to = 65535; } ];
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
