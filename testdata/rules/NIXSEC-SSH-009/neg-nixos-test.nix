{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "ssh";
  nodes.machine = { ... }: {
    services.openssh = {
      enable = true;
      settings.LogLevel = "ERROR";
    };
  };
  testScript = "machine.wait_for_unit(\"sshd.service\")";
}
