{ a = "abc; }

