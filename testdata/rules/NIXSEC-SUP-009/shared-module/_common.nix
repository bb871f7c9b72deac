{
  nixpkgs.config.allowBroken = true; # expect: NIXSEC-SUP-009
}
