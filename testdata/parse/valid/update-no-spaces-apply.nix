let f = x: x; a = { }; b = { }; in [ (f a//b) (a//b f) (1//2) ]
