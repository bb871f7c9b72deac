{ nix.settings.allow-new-privileges = false; }
