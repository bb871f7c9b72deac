{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "ssh";
  nodes.machine = { ... }: {
    services.openssh.enable = true;
    services.openssh.settings.Ciphers = [ "aes256-cbc" ];
  };
  testScript = "machine.wait_for_unit(\"sshd.service\")";
}
