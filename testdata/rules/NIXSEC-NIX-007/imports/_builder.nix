{ lib, ... }:
{
  nix.settings.sandbox = false; # expect: NIXSEC-NIX-007
}
