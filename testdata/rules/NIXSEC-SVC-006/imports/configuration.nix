{ lib, ... }:
with lib;
{
  imports = [ ./nfs.nix ];
  services.nfs.server.enable = mkForce true;
}
