[ ./a ./a/b ../up a/b /abs/path ./a.nix ./a-b_c+d ./. ../. ]
