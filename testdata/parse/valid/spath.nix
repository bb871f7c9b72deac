[ <nixpkgs> <nixpkgs/lib> <a.b-c+d/e_f> ]
