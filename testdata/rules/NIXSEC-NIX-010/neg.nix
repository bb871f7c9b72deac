{ nix.settings.allow-unsafe-native-code-during-evaluation = false; }
