{ inherit (builtins length; }
