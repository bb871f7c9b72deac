# Nested systems: containers, specialisations, VM variant, Home Manager users.
{ lib, ... }:
{
  containers.web = {
    privateNetwork = false;
    config = { config, pkgs, ... }: {
      networking.firewall.enable = false;
      services.nginx.enable = true;
    };
  };
  containers.db.config.boot.isContainer = true;
  specialisation.debug.configuration = { boot.kernelParams = [ "nokaslr" ]; };
  virtualisation.vmVariant = { users.users.root.password = "root"; };
  home-manager.users.alice = { pkgs, ... }: {
    programs.ssh.enable = true;
    home.stateVersion = "24.05";
  };
  home-manager.sharedModules = [ { programs.git.enable = true; } ];
  services.openssh.enable = lib.mkIf true true;
}
