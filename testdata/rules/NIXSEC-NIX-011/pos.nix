{ nix.settings.allow-new-privileges = true; } # expect: NIXSEC-NIX-011
