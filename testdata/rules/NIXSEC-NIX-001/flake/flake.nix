{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.farm = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        { nix.settings.require-sigs = false; } # expect: NIXSEC-NIX-001
      ];
    };
  };
}
