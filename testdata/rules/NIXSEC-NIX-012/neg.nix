{ nix.settings.trusted-substituters = [ "https://nix-community.cachix.org" "file:///var/cache/nix" ]; }
