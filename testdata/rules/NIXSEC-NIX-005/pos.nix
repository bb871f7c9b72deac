{ lib, ... }:
{
  nix.settings.trusted-users = [
    "root"
    "@wheel" # expect: NIXSEC-NIX-005
    "alice" # expect: NIXSEC-NIX-005
  ];
}
