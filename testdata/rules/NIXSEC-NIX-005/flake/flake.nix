{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.dev = nixpkgs.lib.nixosSystem {
      modules = [
        ({ ... }: {
          nix.settings = {
            trusted-users = [ "root" "bob" ]; # expect: NIXSEC-NIX-005
            accept-flake-config = true; # expect: NIXSEC-NIX-009
          };
        })
      ];
    };
  };
}
