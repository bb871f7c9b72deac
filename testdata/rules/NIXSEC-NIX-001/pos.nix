{ lib, ... }:
{
  nix.settings.require-sigs = false; # expect: NIXSEC-NIX-001
  nix.settings.substituters = [ "https://cache.example.org?trusted=1" ]; # expect: NIXSEC-NIX-001, NIXSEC-NIX-004
}
