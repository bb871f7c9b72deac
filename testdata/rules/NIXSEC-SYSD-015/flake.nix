{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ pkgs, ... }: {
          systemd.services.api.serviceConfig = {
            DynamicUser = true;
            ExecStart = "+${pkgs.hello}/bin/hello"; # expect: NIXSEC-SYSD-015
          };
        })
      ];
    };
  };
}
