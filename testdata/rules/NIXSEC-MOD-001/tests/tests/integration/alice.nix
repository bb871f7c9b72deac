# An integration-test fixture whose import the test run writes: possible.
{ config, ... }:
{
  imports = [
    ./home.nix # expect: NIXSEC-MOD-001 (possible)
  ];
  home.username = "alice";
}
