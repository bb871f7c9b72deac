let a' = 1; b-c = 2; _d = 3; E_f'-g = 4; in a' + b-c + _d + E_f'-g
