let a = 1; b = a + 1; inherit (builtins) length; in let in b
