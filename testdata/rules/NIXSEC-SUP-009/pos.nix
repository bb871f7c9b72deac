{ lib, ... }:
{
  nixpkgs.config.allowBroken = true; # expect: NIXSEC-SUP-009
  nixpkgs.config = {
    allowUnsupportedSystem = lib.mkForce true; # expect: NIXSEC-SUP-009
  };
}
