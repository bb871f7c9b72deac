{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.oci-containers.containers.grafana = {
            image = "grafana/grafana:11.2.0";
            ports = [ "3000:3000" ]; # expect: NIXSEC-CTR-015
          };
        })
      ];
    };
  };
}
