{ lib, ... }:
{
  nix.settings = {
    allow-unsafe-native-code-during-evaluation = lib.mkForce true; # expect: NIXSEC-NIX-010
  };
}
