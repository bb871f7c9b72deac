{ ... }:
{
  imports = [ ./network.nix ];
  services.printing.enable = true;
}
