{ ... }:
{
  imports = [ ./network.nix ];
  services.mongodb.enable = true;
}
