{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "ssh";
  nodes.machine = { ... }: {
    services.openssh = {
      enable = true;
      settings.GatewayPorts = "yes";
    };
  };
  testScript = "machine.wait_for_unit(\"sshd.service\")";
}
