{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "db";
  nodes.server = { ... }: {
    services.postgresql = {
      enable = true;
      enableTCPIP = true;
      authentication = "host all all 0.0.0.0/0 trust";
    };
  };
  testScript = "";
}
