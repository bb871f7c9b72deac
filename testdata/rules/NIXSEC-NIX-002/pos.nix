{
  nix.settings.substituters = [
    "https://cache.nixos.org"
    "http://nix-community.cachix.org" # expect: NIXSEC-NIX-002
  ];
  nix.settings.trusted-public-keys = [ "nix-community.cachix.org-1:mB9FSh9qf2dCimDSUo8Zy7bkq5CX+/rkCWyvRCYg3Fs=" ];
}
