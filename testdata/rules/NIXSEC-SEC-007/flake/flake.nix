{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ lib, ... }: {
          boot.initrd.luks.devices.root.keyFile = ./keys/root.key; # expect: NIXSEC-SEC-007
        })
      ];
    };
  };
}
