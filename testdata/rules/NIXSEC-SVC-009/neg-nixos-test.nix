{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    services.avahi.enable = true;
    services.nginx.enable = true;
    services.avahi.publish.enable = true;
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
