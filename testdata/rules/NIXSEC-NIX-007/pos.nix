{ lib, ... }:
{
  nix.settings.sandbox = false; # expect: NIXSEC-NIX-007
  nix.settings.sandbox-fallback = true; # expect: NIXSEC-NIX-007
}
