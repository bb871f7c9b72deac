let c = { }; in a/b//c
