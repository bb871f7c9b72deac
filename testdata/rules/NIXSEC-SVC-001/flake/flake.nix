{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ./hardware.nix
        ({ lib, ... }: {
            services.redis.servers.cache.enable = true;
            services.redis.servers.cache.port = 6379;
            services.redis.servers.cache.settings."protected-mode" = "no";
            services.redis.servers.cache.bind = "0.0.0.0"; # expect: NIXSEC-SVC-001
        })
      ];
    };
  };
}
