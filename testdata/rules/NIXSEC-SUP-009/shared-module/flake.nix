{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { self, nixpkgs }: {
    # Three hosts share one module: its problem is reported once.
    nixosConfigurations.a = nixpkgs.lib.nixosSystem { modules = [ ./_common.nix ]; };
    nixosConfigurations.b = nixpkgs.lib.nixosSystem { modules = [ ./_common.nix ]; };
    nixosConfigurations.c = nixpkgs.lib.nixosSystem { modules = [ ./_common.nix ]; };
  };
}
