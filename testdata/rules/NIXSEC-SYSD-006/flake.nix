{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ pkgs, ... }: {
          systemd.services.api = { # expect: NIXSEC-SYSD-006
            script = "exec ${pkgs.hello}/bin/hello";
            serviceConfig.User = "api";
          };
        })
      ];
    };
  };
}
