{
  nix.settings.accept-flake-config = true; # expect: NIXSEC-NIX-009
}
