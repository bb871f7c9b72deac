# Imported by missing.nix and ok.nix; exists.
{ services.openssh.enable = true; }
