{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d3a2b1c0d";
  outputs = { self, nixpkgs }: {
    nixosConfigurations.gw = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        {
          networking.firewall.enable = false;
          networking.nftables.enable = true;
          networking.nftables.ruleset = "table inet f { chain i { type filter hook input priority 0; policy accept; } }"; # expect: NIXSEC-FW-002
        }
      ];
    };
  };
}
