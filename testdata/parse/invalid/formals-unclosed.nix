{ a, b: a
