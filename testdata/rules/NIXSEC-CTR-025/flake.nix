{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.lxc.defaultConfig = ''
            lxc.apparmor.profile = unconfined # expect: NIXSEC-CTR-025
          '';
        })
      ];
    };
  };
}
