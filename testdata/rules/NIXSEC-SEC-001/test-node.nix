# A NixOS test: reported, but low.
{ pkgs, ... }:
pkgs.testers.runNixOSTest {
  name = "login";
  nodes.machine = { ... }: {
    users.users.alice = {
      isNormalUser = true;
      password = "foobar"; # expect: NIXSEC-SEC-001
    };
  };
  testScript = "machine.wait_for_unit(\"multi-user.target\")";
}
