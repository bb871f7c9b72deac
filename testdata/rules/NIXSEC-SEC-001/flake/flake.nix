{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ lib, ... }: {
          users.users.alice.password = "hunter2-lab"; # expect: NIXSEC-SEC-001
        })
      ];
    };
  };
}
