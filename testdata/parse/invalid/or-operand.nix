let or = 1; in 1 + or
