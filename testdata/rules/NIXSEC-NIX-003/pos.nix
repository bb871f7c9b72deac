{
  nix.settings.trusted-public-keys = [
    "cache.nixos.org-1:6NCHdD59X431o0gWypbMrAURkbJ16ZPMQFGspcDShjY="
    "cache.example.org-1:abc" # expect: NIXSEC-NIX-003
    "no-colon-here" # expect: NIXSEC-NIX-003
    "leaked.example.org-1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==" # expect: NIXSEC-NIX-003
  ];
}
