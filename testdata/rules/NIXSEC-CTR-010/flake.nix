{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.oci-containers.containers.cadvisor = {
            image = "gcr.io/cadvisor/cadvisor:v0.49.1";
            extraOptions = [ "--network" "host" ]; # expect: NIXSEC-CTR-010
          };
        })
      ];
    };
  };
}
