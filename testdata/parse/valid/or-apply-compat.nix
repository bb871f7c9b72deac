let or = x: x; f = x: y: x; in [ (map or [ 1 ]) (f 1 or) (-f or) (./a or) ]
