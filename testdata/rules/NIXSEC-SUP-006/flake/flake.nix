{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
    tools.url = "git+http://git.example.org/tools"; # expect: NIXSEC-SUP-006
  };
  outputs = { self, nixpkgs, tools }: { };
}
