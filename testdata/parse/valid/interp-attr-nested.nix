let x = "a"; in let a.${x} = 1; in a
