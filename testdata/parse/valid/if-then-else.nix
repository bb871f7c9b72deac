if true then 1 else if false then 2 else 3
