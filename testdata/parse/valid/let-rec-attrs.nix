let a = rec { x = 1; y = x; }; in a.y
