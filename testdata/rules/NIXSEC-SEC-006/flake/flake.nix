{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ lib, ... }: {
          systemd.services.backup.environment.RESTIC_PASSWORD = "hunter2-backup"; # expect: NIXSEC-SEC-006
        })
      ];
    };
  };
}
