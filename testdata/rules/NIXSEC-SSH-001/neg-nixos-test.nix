{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "ssh";
  nodes.machine = { ... }: {
    services.openssh = {
      enable = true;
      settings.PermitRootLogin = "yes";
    };
  };
  testScript = "machine.wait_for_unit(\"sshd.service\")";
}
