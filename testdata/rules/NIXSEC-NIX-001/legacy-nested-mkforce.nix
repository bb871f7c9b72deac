{ lib, ... }:
{
  nix = {
    requireSignedBinaryCaches = lib.mkForce false; # expect: NIXSEC-NIX-001
  };
}
