{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.oci-containers.containers.app.image = "example/app:1.0"; # expect: NIXSEC-CTR-017
        })
      ];
    };
  };
}
