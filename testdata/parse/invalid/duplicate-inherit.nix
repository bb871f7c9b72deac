let b = 1; in { b = 2; inherit b; }
