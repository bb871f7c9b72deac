{ lib, ... }:
{
  nix = {
    settings = {
      sandbox = lib.mkForce "relaxed"; # expect: NIXSEC-NIX-007
    };
  };
}
