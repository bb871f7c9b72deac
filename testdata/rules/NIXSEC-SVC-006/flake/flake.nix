{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.nas = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        {
          services.nfs.server.enable = true;
          services.nfs.server.exports = "/tank *(rw)"; # expect: NIXSEC-SVC-006
        }
      ];
    };
  };
}
