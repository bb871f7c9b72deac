{ ... }:
{
  imports = [ ./network.nix ];
  services.mysql.enable = true;
}
