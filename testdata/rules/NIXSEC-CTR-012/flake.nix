{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.oci-containers.containers.backup = {
            image = "example/backup:5";
            volumes = [ "/nix/store:/nix/store" ]; # expect: NIXSEC-CTR-012
          };
        })
      ];
    };
  };
}
