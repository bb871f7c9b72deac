{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ({ lib, ... }: {
          services.redis.servers.cache.enable = true;
          services.redis.servers.cache.requirePass = "s3cret-redis-pass"; # expect: NIXSEC-SEC-003
        })
      ];
    };
  };
}
