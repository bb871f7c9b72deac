{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    services.printing.enable = true;
    services.printing.browsed.enable = true;
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
