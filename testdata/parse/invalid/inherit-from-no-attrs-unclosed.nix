{ inherit (x; }
