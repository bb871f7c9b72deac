let a = { b = 1; }; n = "b"; in a.${n} + a."b" + a.${"b"}
