{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        {
          containers.vpn.enableTun = true; # expect: NIXSEC-CTR-006
        }
      ];
    };
  };
}
