{ imports = [ ../hardware.nix ]; } # expect: NIXSEC-MOD-001
