{
  description = "hosts";
  nixConfig = {
    extra-substituters = [ "https://cache.example.org" ];
    extra-trusted-public-keys = [ "cache.example.org-1:AAAA" ];
  };
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs, ... }@inputs:
    let
      shared = { lib, ... }: { services.openssh.settings.PasswordAuthentication = lib.mkDefault false; };
    in {
      nixosConfigurations.web = nixpkgs.lib.nixosSystem {
        system = "x86_64-linux";
        specialArgs = { inherit inputs; };
        modules = [
          ./hosts/web.nix
          shared
          { networking.hostName = "web"; }
          inputs.disko.nixosModules.disko
        ];
      };
      checks.x86_64-linux.boot = nixpkgs.legacyPackages.x86_64-linux.testers.runNixOSTest {
        name = "boot";
        nodes.machine = { imports = [ ./hosts/web.nix ]; };
        testScript = "machine.wait_for_unit('multi-user.target')";
      };
    };
}
