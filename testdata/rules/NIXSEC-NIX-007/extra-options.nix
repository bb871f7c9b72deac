{
  nix.extraOptions = "build-use-sandbox = false"; # expect: NIXSEC-NIX-007
}
