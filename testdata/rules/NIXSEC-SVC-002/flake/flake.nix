{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.db = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          services.postgresql.enable = true;
          services.postgresql.authentication = "local all postgres trust"; # expect: NIXSEC-SVC-002
        })
      ];
    };
  };
}
