{
  nix.settings = {
    substituters = [
      "https://cache.nixos.org"
      "https://foo.cachix.org" # expect: NIXSEC-NIX-004
    ];
    trusted-public-keys = [
      "cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY="
      "bar.cachix.org-1:mB9FSh9qf2dCimDSUo8Zy7bkq5CX+/rkCWyvRCYg3Fs=" # expect: NIXSEC-NIX-004
    ];
  };
}
