{ config, ... }:
{
  nix.settings.substituters = [ "https://foo.cachix.org" "http://192.168.1.10:5000" ];
  nix.settings.trusted-public-keys = [ "foo.cachix.org-1:mB9FSh9qf2dCimDSUo8Zy7bkq5CX+/rkCWyvRCYg3Fs=" ];
}
