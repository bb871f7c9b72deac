let a = 2; b = 1; in [ (a-b) (a - b) (a -b) ]
