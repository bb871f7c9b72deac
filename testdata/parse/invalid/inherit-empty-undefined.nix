{ inherit; inherit builtins; inherit (built	s) length head; inherit (builtins) "tail"; x = 1; }
