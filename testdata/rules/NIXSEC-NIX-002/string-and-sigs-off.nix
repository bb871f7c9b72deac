{ lib, ... }:
let
  caches = "https://cache.nixos.org http://cache.example.org"; # expect: NIXSEC-NIX-002
in
with lib;
{
  nix.settings = {
    substituters = mkForce caches;
    require-sigs = false; # expect: NIXSEC-NIX-001
  };
}
