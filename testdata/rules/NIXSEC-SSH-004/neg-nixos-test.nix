{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "ssh";
  nodes.machine = { ... }: {
    services.openssh = {
      enable = true;
      settings.PermitEmptyPasswords = true;
    };
  };
  testScript = "machine.wait_for_unit(\"sshd.service\")";
}
