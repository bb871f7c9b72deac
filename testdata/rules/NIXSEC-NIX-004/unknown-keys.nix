{ config, ... }:
{
  # The keys come from elsewhere: nothing to compare.
  nix.settings.substituters = [ "https://foo.cachix.org" ];
  nix.settings.trusted-public-keys = config.my.cacheKeys;
}
