x: assert true; with { }; let y = x; in if y then x: x else { a, ... }@b: b
