{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ pkgs, ... }: {
          systemd.services.api = {
            script = "exec ${pkgs.hello}/bin/hello";
            confinement = { enable = true; fullUnit = true; }; # expect: NIXSEC-SYSD-017
          };
        })
      ];
    };
  };
}
