{
  nix.settings.require-sigs = false; # expect: NIXSEC-NIX-001
}
