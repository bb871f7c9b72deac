{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.box = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: { nixpkgs.config.allowBroken = true; }) # expect: NIXSEC-SUP-009
      ];
    };
  };
}
