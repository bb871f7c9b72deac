let a = { }; b = { }; in [ a//b ]
