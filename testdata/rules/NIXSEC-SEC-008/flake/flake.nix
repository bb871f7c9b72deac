{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ lib, ... }: {
          services.grafana.enable = true;
          services.grafana.settings.security.secret_key = "SW2YcwTIb9zpOOhoPsMm"; # expect: NIXSEC-SEC-008
        })
      ];
    };
  };
}
