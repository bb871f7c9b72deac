{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs, ... }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ./_present.nix
        ./hosts/web.nix # expect: NIXSEC-MOD-001
      ];
    };
  };
}
