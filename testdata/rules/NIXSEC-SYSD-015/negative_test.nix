{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "myapp";
  nodes.machine = { pkgs, ... }: {
    systemd.services.myapp.serviceConfig.ExecStart = "+${pkgs.hello}/bin/hello";
  };
  testScript = ''
    machine.wait_for_unit("myapp.service")
  '';
}
