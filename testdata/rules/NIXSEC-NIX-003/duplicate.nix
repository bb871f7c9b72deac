{
  nix.settings.substituters = [ "https://nix-community.cachix.org" ];
  nix.extraOptions = ''
    trusted-public-keys = nix-community.cachix.org-1:mB9FSh9qf2dCimDSUo8Zy7bkq5CX+/rkCWyvRCYg3Fs=
    extra-trusted-public-keys = nix-community.cachix.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY= # expect: NIXSEC-NIX-003
  '';
}
