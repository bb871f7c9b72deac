{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.oci-containers.containers.vpn = {
            image = "example/vpn:1";
            extraOptions = [ "--cap-add=NET_ADMIN" ]; # expect: NIXSEC-CTR-009
          };
        })
      ];
    };
  };
}
