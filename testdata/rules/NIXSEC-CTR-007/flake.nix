{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ ... }: {
          containers.build.extraFlags = [ "--capability=CAP_SYS_ADMIN,CAP_NET_BIND_SERVICE" ]; # expect: NIXSEC-CTR-007
        })
      ];
    };
  };
}
