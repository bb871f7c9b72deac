{ inherit; inherit builtins; inherit (builtins) length head; inherit (builtins) "tail"; x = 1; }
