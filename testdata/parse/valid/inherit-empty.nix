{ inherit; inherit ({ }); x = let inherit; in 1; }
