{ nix.settings.allow-import-from-derivation = true; } # expect: NIXSEC-NIX-017
