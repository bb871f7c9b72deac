{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "exposed";
  nodes.machine = { ... }: {
    services.ollama.enable = true;
    services.ollama.host = "0.0.0.0";
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
