{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ lib, ... }: {
          services.grafana.enable = true;
          systemd.services.grafana.serviceConfig.DynamicUser = lib.mkForce false; # expect: NIXSEC-SYSD-014
        })
      ];
    };
  };
}
