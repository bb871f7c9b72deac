{ a, ... }@args: args // { inherit a; }
