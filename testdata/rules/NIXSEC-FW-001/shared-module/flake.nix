# Two hosts share base.nix; only "metrics" runs the node exporter, so the
# firewall finding is critical there and high on "web". It is one place to
# fix: one finding, the most severe (TestDedupeKeepsMostSevere).
{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567";
  outputs = { nixpkgs, ... }: {
    nixosConfigurations.web = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [ ./base.nix ];
    };
    nixosConfigurations.metrics = nixpkgs.lib.nixosSystem {
      system = "x86_64-linux";
      modules = [
        ./base.nix
        { services.prometheus.exporters.node = { enable = true; listenAddress = "0.0.0.0"; }; }
      ];
    };
  };
}
