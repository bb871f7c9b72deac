{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          containers.kmod.additionalCapabilities = [ "CAP_SYS_MODULE" ]; # expect: NIXSEC-CTR-003
        })
      ];
    };
  };
}
