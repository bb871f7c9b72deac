with builtins
length [ ]
