{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.libvirtd.qemu.runAsRoot = true; # expect: NIXSEC-CTR-026
        })
      ];
    };
  };
}
