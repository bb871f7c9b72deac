{
  nix.settings.accept-flake-config = false;
}
