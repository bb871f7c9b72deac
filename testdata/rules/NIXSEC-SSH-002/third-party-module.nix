# A module from another flake may set PasswordAuthentication: possible.
{ self, ... }:
{
  imports = [ self.nixosModules.default ];
  services.openssh.enable = true; # expect: NIXSEC-SSH-002 (possible)
  system.stateVersion = "24.05";
}
