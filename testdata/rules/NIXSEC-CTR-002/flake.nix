{
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.host = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        {
          containers.builder = { # expect: NIXSEC-CTR-002
            additionalCapabilities = [ "CAP_SYS_ADMIN" ];
          };
        }
      ];
    };
  };
}
