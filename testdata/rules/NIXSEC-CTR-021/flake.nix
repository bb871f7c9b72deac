{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.docker.enable = true; # expect: NIXSEC-CTR-021
        })
      ];
    };
  };
}
