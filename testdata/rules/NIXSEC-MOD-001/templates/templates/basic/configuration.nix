# A flake template: the user creates hardware-configuration.nix after copying it.
{ imports = [ ./hardware-configuration.nix ]; }
