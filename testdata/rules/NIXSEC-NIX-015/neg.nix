{
  nix.extraOptions = "!include /run/secrets/nix-access-tokens.conf";
  nix.settings.netrc-file = "/run/secrets/netrc";
}
