{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          containers.admin.bindMounts."/root" = {
            isReadOnly = false; # expect: NIXSEC-CTR-005
          };
        })
      ];
    };
  };
}
