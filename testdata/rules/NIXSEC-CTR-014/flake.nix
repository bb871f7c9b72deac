{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.oci-containers.containers.old = {
            image = "example/old:1";
            extraOptions = [ "--security-opt" "seccomp:unconfined" ]; # expect: NIXSEC-CTR-014
          };
        })
      ];
    };
  };
}
