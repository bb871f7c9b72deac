{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.containers.registries.insecure = [ "10.0.0.5:5000" ]; # expect: NIXSEC-CTR-023
        })
      ];
    };
  };
}
