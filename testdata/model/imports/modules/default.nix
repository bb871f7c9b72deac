{ imports = [ ./ssh.nix ./firewall.nix ../configuration.nix ]; }
