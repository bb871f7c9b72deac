{ nix.settings.allow-import-from-derivation = false; }
