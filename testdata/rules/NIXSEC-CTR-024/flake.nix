{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.lxd.preseed.profiles = [
            { name = "lab"; config."security.syscalls.intercept.mount.allowed" = "true"; } # expect: NIXSEC-CTR-024
          ];
        })
      ];
    };
  };
}
