{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    services.prometheus.exporters.node.enable = true;
    services.prometheus.exporters.node.openFirewall = true;
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
