{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          virtualisation.docker.enable = true;
          virtualisation.docker.listenOptions = [ "10.0.0.1:2375" ]; # expect: NIXSEC-CTR-019
        })
      ];
    };
  };
}
