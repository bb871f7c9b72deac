{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ./hardware.nix
        ({ lib, ... }: {
          services.openssh.enable = true; # expect: NIXSEC-SSH-011
          system.stateVersion = "24.05";
        })
      ];
    };
  };
}
