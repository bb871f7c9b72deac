{
  nix.settings.trusted-substituters = [
    "https://nix-community.cachix.org"
    "http://cache.example.org" # expect: NIXSEC-NIX-012
    "file:///tmp/cache" # expect: NIXSEC-NIX-012
  ];
}
