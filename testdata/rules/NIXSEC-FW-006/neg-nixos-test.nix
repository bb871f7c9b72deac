{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    networking.firewall.trustedInterfaces = [ "eth0" ];
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
