{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.podman.enable = true;
          users.users.alice.extraGroups = [ "podman" ]; # expect: NIXSEC-CTR-018
        })
      ];
    };
  };
}
