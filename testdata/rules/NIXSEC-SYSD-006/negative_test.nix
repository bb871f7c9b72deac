{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "myapp";
  nodes.machine = { pkgs, ... }: {
    systemd.services.myapp.script = "exec ${pkgs.hello}/bin/hello";
  };
  testScript = ''
    machine.wait_for_unit("myapp.service")
  '';
}
