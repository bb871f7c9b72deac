{
  nix.settings.substituters = [ "https://cache.nixos.org" "https://nix-community.cachix.org" ];
  nix.settings.trusted-public-keys = [ "nix-community.cachix.org-1:mB9FSh9qf2dCimDSUo8Zy7bkq5CX+/rkCWyvRCYg3Fs=" ];
  # A homepage is not a substituter.
  documentation.nixos.extraModuleSources = [ ];
  environment.etc."motd".text = "see http://cache.example.org";
}
