{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.oci-containers.containers.node = {
            image = "example/node:2";
            extraOptions = [ "--privileged" ]; # expect: NIXSEC-CTR-008
          };
        })
      ];
    };
  };
}
