{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.oci-containers.containers.lvm = {
            image = "example/lvm:1";
            devices = [ "/dev/mapper/vg-data:/dev/mapper/vg-data:rw" ]; # expect: NIXSEC-CTR-013
          };
        })
      ];
    };
  };
}
