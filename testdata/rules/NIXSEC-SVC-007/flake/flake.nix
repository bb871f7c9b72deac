{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ./hardware.nix
        ({ lib, ... }: {
            services.samba.enable = true;
            services.samba.settings.public.path = "/srv/public";
            services.samba.settings.public."read only" = "no";
            services.samba.settings.public."guest ok" = "yes"; # expect: NIXSEC-SVC-007
        })
      ];
    };
  };
}
