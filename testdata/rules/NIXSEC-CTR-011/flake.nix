{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.oci-containers.containers.watchtower = {
            image = "containrrr/watchtower:1.7.1";
            extraOptions = [ "--mount=type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock" ]; # expect: NIXSEC-CTR-011
          };
        })
      ];
    };
  };
}
