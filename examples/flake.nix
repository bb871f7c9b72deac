{
  description = "Example NixOS fleet for nixsec";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";
  };

  outputs = { self, nixpkgs, ... }:
    let
      system = "x86_64-linux";
      mkHost = modules: nixpkgs.lib.nixosSystem { inherit system modules; };
    in
    {
      nixosConfigurations = {
        workstation = mkHost [ ./configuration.nix ];
        webserver = mkHost [ ./hosts/webserver.nix ./modules/containers.nix ];
      };

      formatter.${system} = nixpkgs.legacyPackages.${system}.nixpkgs-fmt;
    };
}
